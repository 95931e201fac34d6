import { describe, expect, it } from 'vitest'
import { FORMAT } from '../constants.js'
import { generateJourney } from '../generate-journey.js'
import { importJourney } from './import-journey.js'
import { migrate } from './migrate.js'
import { validateJourneyExport } from './validate-journey-export.js'

/** A file as format version 1 wrote it: comments and votes in the journey, no priorities. */
function versionOneFile() {
  const { touchpoints, ...content } = generateJourney({ touchpoints: 12, personas: 2, seed: 7 })
  const v1Touchpoints = touchpoints.map(({ priority: _, ...tp }, i) => ({
    ...tp,
    painPoints: i === 0 ? [{ id: 'it_p', text: 'Slow' }] : [],
    opportunities: i === 0 ? [{ id: 'it_o', text: 'Chat' }] : [],
  }))
  const [t0, t1] = v1Touchpoints
  if (!t0 || !t1) throw new Error('fixture')
  const comment = (id: string, fields: object) => ({
    id,
    anchor: { type: 'touchpoint', id: t0.id },
    parentId: null,
    author: 'Ada Lovelace',
    body: 'Is this validated?',
    createdAt: '2025-06-01T09:00:00.000Z',
    resolved: false,
    ...fields,
  })
  const vote = (id: string, voter: string, touchpointId: string, itemId: string | null) => ({
    id,
    voter,
    touchpointId,
    itemId,
    createdAt: `2025-06-02T09:00:0${id.slice(-1)}.000Z`,
  })
  return {
    format: FORMAT,
    version: 1,
    exportedAt: '2025-06-03T00:00:00.000Z',
    journey: {
      ...content,
      schemaVersion: 1,
      touchpoints: v1Touchpoints,
      comments: [
        comment('cm_1', { resolved: true }),
        comment('cm_2', {
          parentId: 'cm_1',
          author: 'Bo',
          anchor: { type: 'touchpoint', id: t0.id },
        }),
        comment('cm_3', { anchor: { type: 'canvas', x: 5, y: 6 } }),
      ],
      votes: [
        vote('vo_1', 'Ada Lovelace', t0.id, 'it_p'),
        vote('vo_2', 'Ada Lovelace', t0.id, 'it_o'),
        vote('vo_3', 'Bo', t0.id, 'it_o'),
        vote('vo_4', 'Bo', t1.id, null),
        vote('vo_5', 'Bo', t0.id, 'it_o'),
      ],
    },
  }
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

describe('JSON_MIGRATIONS[1]: version 1 -> 2', () => {
  it('imports a version 1 file: comments, votes as "Earlier votes", priorities', () => {
    const file = deepFreeze(versionOneFile())
    const result = importJourney(file)
    if (!result.ok) throw new Error(JSON.stringify(result.issues))
    const [t0, t1] = file.journey.touchpoints
    const ada = { id: 'legacy-ada-lovelace', name: 'Ada Lovelace', color: '#475569' }
    const bo = { id: 'legacy-bo', name: 'Bo', color: '#475569' }

    expect(result.journey.schemaVersion).toBe(2)
    expect(result.journey.touchpoints.every((tp) => tp.priority === null)).toBe(true)
    expect(result.journey.touchpoints[0]?.painPoints).toEqual([
      { id: 'it_p', text: 'Slow', priority: null },
    ])

    const { comments, voteSessions } = result.review
    expect(comments.map((c) => [c.id, c.author.id, c.resolved, c.parentId])).toEqual([
      ['cm_1', ada.id, true, null],
      ['cm_2', bo.id, false, 'cm_1'],
      ['cm_3', ada.id, false, null],
    ])
    expect(comments[0]).toMatchObject({
      author: ada,
      mentions: [],
      editedAt: null,
      resolvedBy: null,
    })

    const pain = { touchpointId: t0?.id, itemId: 'it_p', list: 'painPoints' }
    const idea = { touchpointId: t0?.id, itemId: 'it_o', list: 'opportunities' }
    const card = { touchpointId: t1?.id, itemId: null, list: null }
    expect(voteSessions).toHaveLength(1)
    expect(voteSessions[0]).toMatchObject({
      id: 'vs_legacy',
      status: 'revealed',
      title: 'Earlier votes',
      items: [pain, idea, card],
      votesPerPerson: 3,
      allowMultiplePerItem: true,
      hidden: false,
      endsAt: null,
      createdAt: '2025-06-02T09:00:01.000Z',
      revealedAt: '2025-06-02T09:00:05.000Z',
      results: [
        { item: idea, votes: 3, rank: 1 },
        { item: pain, votes: 1, rank: 2 },
        { item: card, votes: 1, rank: 2 },
      ],
    })
    expect(voteSessions[0]?.votes.map((v) => [v.id, v.voter, v.item])).toEqual([
      ['vo_1', ada, pain],
      ['vo_2', ada, idea],
      ['vo_3', bo, idea],
      ['vo_4', bo, card],
      ['vo_5', bo, idea],
    ])
  })

  it('is pure and leaves a file without votes with no session', () => {
    const file = deepFreeze({
      ...versionOneFile(),
      journey: { ...versionOneFile().journey, votes: [] },
    })
    const migrated = migrate(file)
    expect(migrated).toMatchObject({
      ok: true,
      from: 1,
      value: { version: 2, journey: { voteSessions: [] } },
    })
    expect(file.journey).toHaveProperty('votes')
  })

  it('reports what is wrong in a version 1 file at its version 2 path', () => {
    const file = versionOneFile()
    const [first, , third] = file.journey.comments
    if (!first || !third) throw new Error('fixture')
    ;(first as Record<string, unknown>).author = 42
    third.body = ''
    const [vote] = file.journey.votes
    if (!vote) throw new Error('fixture')
    ;(vote as Record<string, unknown>).colour = 'red'
    const result = validateJourneyExport(file)
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'comments[0].author', message: 'must be an object' },
        { path: 'comments[2].body', message: 'must not be empty' },
        { path: 'voteSessions[0].votes[0].colour', message: 'is not a known field' },
      ],
    })
  })

  it('reports a version 1 vote on a missing item against the session', () => {
    const file = versionOneFile()
    const [vote] = file.journey.votes
    if (!vote) throw new Error('fixture')
    vote.itemId = 'it_gone'
    const result = validateJourneyExport(file)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toContainEqual({
      path: 'voteSessions[0].items[0].itemId',
      message: `touchpoint "${vote.touchpointId}" has no pain point with id "it_gone"`,
    })
  })
})
