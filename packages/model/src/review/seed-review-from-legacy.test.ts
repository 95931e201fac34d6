import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entityToYMap } from '../doc/entity-map.js'
import { collectionMap } from '../doc/layout.js'
import { legacyParticipant } from './legacy-review.js'
import { readReview } from './read-review.js'
import { reviewFixture, SERVER, transactionsOf } from './review.test-support.js'
import { reviewMap } from './review-layout.js'
import { seedReviewFromLegacy } from './seed-review-from-legacy.js'

/** A journey doc as layout version 1 left it, with comments and votes inside. */
function legacyJourney() {
  const fixture = reviewFixture()
  const { journeyDoc, tps, stages, items } = fixture
  const comment = (id: string, fields: Record<string, unknown>) =>
    collectionMap(journeyDoc, 'comments').set(
      id,
      entityToYMap({
        id,
        anchor: { type: 'canvas', x: 1, y: 2 },
        parentId: null,
        author: 'Ada Lovelace',
        body: 'Hello',
        createdAt: '2025-01-01T10:00:00.000Z',
        resolved: false,
        ...fields,
      }),
    )
  const vote = (id: string, voter: string, touchpointId: string, itemId: string | null) =>
    collectionMap(journeyDoc, 'votes').set(
      id,
      entityToYMap({
        id,
        voter,
        touchpointId,
        itemId,
        createdAt: `2025-01-02T10:00:0${id.slice(-1)}.000Z`,
      }),
    )
  journeyDoc.transact(() => {
    comment('cm_1', { anchor: { type: 'touchpoint', id: tps[0] }, resolved: true })
    comment('cm_2', { parentId: 'cm_1', author: 'Bo' })
    comment('cm_3', { anchor: { type: 'stage', id: stages[1] } })
    comment('cm_4', { anchor: { type: 'touchpoint', id: 'tp_deleted' } })
    comment('cm_5', { parentId: 'cm_gone' })
    comment('cm_6', { body: '' })
    vote('vo_1', 'Ada Lovelace', tps[0] ?? '', null)
    vote('vo_2', 'Ada Lovelace', tps[0] ?? '', items.idea.itemId)
    vote('vo_3', 'Bo', tps[0] ?? '', items.idea.itemId)
    vote('vo_4', 'Bo', tps[0] ?? '', items.pain.itemId)
    vote('vo_5', 'Bo', 'tp_deleted', null)
  })
  return fixture
}

describe('seedReviewFromLegacy', () => {
  it('copies version 1 comments and votes once, in one transaction, as a version 1 read showed them', () => {
    const { journeyDoc, review, tps, stages, items } = legacyJourney()
    const origins = transactionsOf(review)
    expect(seedReviewFromLegacy(review, SERVER, journeyDoc)).toBe(true)
    expect(origins).toEqual([SERVER])
    const ada = legacyParticipant('Ada Lovelace')
    expect(ada).toEqual({ id: 'legacy-ada-lovelace', name: 'Ada Lovelace', color: '#475569' })
    const { comments, sessions, votes, voters } = readReview(review)
    expect(comments.map((c) => [c.id, c.anchor, c.parentId])).toEqual([
      ['cm_1', { type: 'touchpoint', id: tps[0] }, null],
      ['cm_2', { type: 'canvas', x: 1, y: 2 }, 'cm_1'],
      ['cm_3', { type: 'stage', id: stages[1] }, null],
      ['cm_4', { type: 'canvas', x: 0, y: 0 }, null],
      ['cm_5', { type: 'canvas', x: 1, y: 2 }, null],
    ])
    expect(comments[0]).toEqual({
      id: 'cm_1',
      anchor: { type: 'touchpoint', id: tps[0] },
      parentId: null,
      author: ada,
      body: 'Hello',
      mentions: [],
      createdAt: '2025-01-01T10:00:00.000Z',
      editedAt: null,
      resolved: true,
      resolvedBy: null,
    })
    expect(comments[1]?.author.id).toBe('legacy-bo')
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({
      id: 'vs_legacy',
      status: 'revealed',
      title: 'Earlier votes',
      items: [items.card0, items.idea, items.pain],
      votesPerPerson: 2,
      allowMultiplePerItem: true,
      hidden: false,
      createdAt: '2025-01-02T10:00:01.000Z',
      revealedAt: '2025-01-02T10:00:04.000Z',
      results: [
        { item: items.idea, votes: 2, rank: 1 },
        { item: items.card0, votes: 1, rank: 2 },
        { item: items.pain, votes: 1, rank: 2 },
      ],
    })
    expect(votes.map((v) => [v.id, v.voter.id, v.item])).toEqual([
      ['vo_1', ada.id, items.card0],
      ['vo_2', ada.id, items.idea],
      ['vo_3', 'legacy-bo', items.idea],
      ['vo_4', 'legacy-bo', items.pain],
    ])
    expect(voters).toEqual({ vs_legacy: ['legacy-ada-lovelace', 'legacy-bo'] })

    reviewMap(review, 'comments').delete('cm_3')
    expect(seedReviewFromLegacy(review, SERVER, journeyDoc)).toBe(false)
    expect(readReview(review).comments).toHaveLength(4)
    expect(collectionMap(journeyDoc, 'comments').size).toBe(6)
  })

  it('writes nothing for a journey without legacy comments or votes', () => {
    const { journeyDoc, review } = reviewFixture()
    expect(seedReviewFromLegacy(review, SERVER, journeyDoc)).toBe(false)
    expect(Y.encodeStateVector(review)).toEqual(Y.encodeStateVector(new Y.Doc()))
  })

  it('gives two instances seeding at once the same review', () => {
    const { journeyDoc } = legacyJourney()
    const one = new Y.Doc()
    const two = new Y.Doc()
    seedReviewFromLegacy(one, SERVER, journeyDoc)
    seedReviewFromLegacy(two, SERVER, journeyDoc)
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    expect(readReview(one)).toEqual(readReview(two))
    expect(readReview(one).comments).toHaveLength(5)
  })
})

describe('legacyParticipant', () => {
  it('is the same for the same name, bounded, and never a server identity', () => {
    expect(legacyParticipant('Zoë  O’Brien!')).toEqual({
      id: 'legacy-zoe-o-brien',
      name: 'Zoë  O’Brien!',
      color: '#475569',
    })
    const long = legacyParticipant('x'.repeat(200))
    expect(long.id.length).toBeLessThanOrEqual(64)
    expect(long.name).toHaveLength(40)
    const other = legacyParticipant('山田')
    expect(other.id).toMatch(/^legacy-u[0-9a-z]+$/)
    expect(other).toEqual(legacyParticipant('山田'))
    expect(legacyParticipant('田中').id).not.toBe(other.id)
  })
})
