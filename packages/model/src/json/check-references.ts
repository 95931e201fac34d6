import type { Issue } from '../entities/issue.js'
import { formatPath, type PathSegment } from '../entities/issue.js'
import type { Journey } from '../entities/journey.js'

type Report = (path: PathSegment[], message: string) => void

/** Ids unique within a collection; returns the set of ids. */
function uniqueIds(
  list: readonly { id: string }[],
  collection: string,
  report: Report,
): Set<string> {
  const firstIndex = new Map<string, number>()
  list.forEach((entity, index) => {
    const first = firstIndex.get(entity.id)
    if (first === undefined) firstIndex.set(entity.id, index)
    else
      report(
        [collection, index, 'id'],
        `duplicate id "${entity.id}" (also ${collection}[${first}])`,
      )
  })
  return new Set(firstIndex.keys())
}

/**
 * Everything the schema alone cannot see: unique ids and that every reference points at
 * something that exists. Runs only on schema-valid input.
 */
export function checkReferences(journey: Journey): Issue[] {
  const issues: Issue[] = []
  const report: Report = (path, message) => issues.push({ path: formatPath(path), message })

  const personaIds = uniqueIds(journey.personas, 'personas', report)
  const stageIds = uniqueIds(journey.stages, 'stages', report)
  const touchpointIds = uniqueIds(journey.touchpoints, 'touchpoints', report)
  uniqueIds(journey.connections, 'connections', report)
  const commentIds = uniqueIds(journey.comments, 'comments', report)
  uniqueIds(journey.votes, 'votes', report)

  const itemsByTouchpoint = new Map<string, Set<string>>()
  journey.touchpoints.forEach((tp, i) => {
    if (!stageIds.has(tp.stageId)) {
      report(['touchpoints', i, 'stageId'], `no stage with id "${tp.stageId}"`)
    }
    const served = new Set<string>()
    tp.personaIds.forEach((id, j) => {
      if (!personaIds.has(id))
        report(['touchpoints', i, 'personaIds', j], `no persona with id "${id}"`)
      else if (served.has(id))
        report(['touchpoints', i, 'personaIds', j], `lists persona "${id}" twice`)
      served.add(id)
    })
    for (const id of Object.keys(tp.emotions)) {
      if (!personaIds.has(id))
        report(['touchpoints', i, 'emotions', id], `no persona with id "${id}"`)
    }
    const items = new Set<string>()
    for (const field of ['painPoints', 'opportunities'] as const) {
      tp[field].forEach((item, j) => {
        if (items.has(item.id)) {
          report(
            ['touchpoints', i, field, j, 'id'],
            `duplicate item id "${item.id}" in this touchpoint`,
          )
        }
        items.add(item.id)
      })
    }
    if (!itemsByTouchpoint.has(tp.id)) itemsByTouchpoint.set(tp.id, items)
  })

  journey.connections.forEach((c, i) => {
    for (const end of ['source', 'target'] as const) {
      if (!touchpointIds.has(c[end]))
        report(['connections', i, end], `no touchpoint with id "${c[end]}"`)
    }
    if (c.source === c.target && c.kind !== 'nurture') {
      report(
        ['connections', i, 'target'],
        'only a nurture loop can lead back to the same touchpoint',
      )
    }
  })

  const parentOf = new Map(journey.comments.map((c) => [c.id, c.parentId]))
  journey.comments.forEach((c, i) => {
    if (c.anchor.type === 'touchpoint' && !touchpointIds.has(c.anchor.id)) {
      report(['comments', i, 'anchor', 'id'], `no touchpoint with id "${c.anchor.id}"`)
    }
    if (c.anchor.type === 'stage' && !stageIds.has(c.anchor.id)) {
      report(['comments', i, 'anchor', 'id'], `no stage with id "${c.anchor.id}"`)
    }
    if (c.parentId === null) return
    if (c.parentId === c.id) report(['comments', i, 'parentId'], 'a comment cannot reply to itself')
    else if (!commentIds.has(c.parentId)) {
      report(['comments', i, 'parentId'], `no comment with id "${c.parentId}"`)
    } else if (parentOf.get(c.parentId) !== null) {
      report(
        ['comments', i, 'parentId'],
        `comment "${c.parentId}" is itself a reply; replies are one level deep`,
      )
    }
  })

  journey.votes.forEach((v, i) => {
    const items = itemsByTouchpoint.get(v.touchpointId)
    if (!items) report(['votes', i, 'touchpointId'], `no touchpoint with id "${v.touchpointId}"`)
    else if (v.itemId !== null && !items.has(v.itemId)) {
      report(
        ['votes', i, 'itemId'],
        `touchpoint "${v.touchpointId}" has no pain point or opportunity with id "${v.itemId}"`,
      )
    }
  })
  return issues
}
