import { LIMITS } from '../constants.js'
import type { Issue } from '../entities/issue.js'
import { formatPath, type PathSegment } from '../entities/issue.js'
import type { ExportedJourney } from '../entities/journey-export.js'
import { voteItemKey } from '../entities/vote-session.js'
import {
  type JourneyLookup,
  missingAnchorTarget,
  missingItem,
  plainJourneyLookup,
} from '../review/journey-lookup.js'

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
export function checkReferences(journey: ExportedJourney): Issue[] {
  const issues: Issue[] = []
  const report: Report = (path, message) => issues.push({ path: formatPath(path), message })

  const personaIds = uniqueIds(journey.personas, 'personas', report)
  const stageIds = uniqueIds(journey.stages, 'stages', report)
  const touchpointIds = uniqueIds(journey.touchpoints, 'touchpoints', report)
  uniqueIds(journey.connections, 'connections', report)
  const commentIds = uniqueIds(journey.comments, 'comments', report)
  uniqueIds(journey.voteSessions, 'voteSessions', report)

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
  const lookup = plainJourneyLookup(journey)
  journey.comments.forEach((c, i) => {
    const missing = missingAnchorTarget(lookup, c.anchor)
    if (missing) report(['comments', i, 'anchor', missing.field], missing.message)
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

  checkVoteSessions(journey, lookup, report)
  return issues
}

/**
 * Sessions: their items exist and are listed once, at most one is open, results and
 * `revealedAt` are there exactly when revealed and name the session's items, and the votes
 * belong to their session, are on its items, have unique ids and stay within the limit.
 * A hidden session carries no votes until its reveal (an export never holds ballots).
 */
function checkVoteSessions(journey: ExportedJourney, lookup: JourneyLookup, report: Report) {
  const voteIds = new Map<string, string>()
  let total = 0
  let open: number | undefined
  journey.voteSessions.forEach((session, i) => {
    const at = (...path: PathSegment[]) => ['voteSessions', i, ...path]
    if (session.status === 'open') {
      if (open === undefined) open = i
      else report(at('status'), `only one vote session can be open (also voteSessions[${open}])`)
    }
    const keys = new Set<string>()
    session.items.forEach((item, j) => {
      const key = voteItemKey(item)
      if (keys.has(key)) report(at('items', j), `lists the item "${key}" twice`)
      keys.add(key)
      const missing = missingItem(lookup, item)
      if (missing) report(at('items', j, missing.field), missing.message)
    })
    const revealed = session.status === 'revealed'
    if (revealed !== (session.results !== null)) {
      report(at('results'), revealed ? 'is required once revealed' : 'must be null until revealed')
    }
    if (revealed !== (session.revealedAt !== null)) {
      report(
        at('revealedAt'),
        revealed ? 'is required once revealed' : 'must be null until revealed',
      )
    }
    session.results?.forEach((result, j) => {
      if (!keys.has(voteItemKey(result.item))) {
        report(at('results', j, 'item'), 'is not an item of this session')
      }
    })
    if (session.hidden && !revealed && session.votes.length > 0) {
      report(at('votes'), 'must be empty: a hidden session shows no votes until its reveal')
    }
    total += session.votes.length
    session.votes.forEach((vote, j) => {
      const path = `voteSessions[${i}].votes[${j}]`
      const first = voteIds.get(vote.id)
      if (first === undefined) voteIds.set(vote.id, path)
      else report(at('votes', j, 'id'), `duplicate id "${vote.id}" (also ${first})`)
      if (vote.sessionId !== session.id) {
        report(at('votes', j, 'sessionId'), `must be its session's id "${session.id}"`)
      }
      if (!keys.has(voteItemKey(vote.item))) {
        report(at('votes', j, 'item'), 'is not an item of this session')
      }
    })
  })
  if (total > LIMITS.votes)
    report(['voteSessions'], `must hold at most ${LIMITS.votes} votes in all`)
}
