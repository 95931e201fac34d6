import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FORMAT, SCHEMA_VERSION } from '../constants.js'
import { createJourneyDoc } from '../doc/create-journey-doc.js'
import { metaMap } from '../doc/layout.js'
import { readJourney } from '../doc/read-journey.js'
import { ME } from '../mutations/journey.test-support.js'
import { removeTouchpoints } from '../mutations/remove-touchpoints.js'
import { updateTouchpoint } from '../mutations/touchpoint-mutations.js'
import { readReview } from '../review/read-review.js'
import { ADA, BO, ED, NOW, reviewFixture, SERVER } from '../review/review.test-support.js'
import { addReviewComment } from '../review/review-comment-mutations.js'
import { castVote } from '../review/vote-mutations.js'
import { revealVoteSession, startVoteSession } from '../review/vote-session-mutations.js'
import { writeReview } from '../review/write-review.js'
import { exportJourney } from './export-journey.js'
import { importJourney } from './import-journey.js'

describe('exportJourney', () => {
  it('wraps the journey in the versioned file, with no review unless given one', () => {
    const doc = createJourneyDoc({ title: 'Launch' })
    const now = new Date('2026-05-01T12:00:00.000Z')
    expect(exportJourney(doc, { now })).toEqual({
      format: FORMAT,
      version: SCHEMA_VERSION,
      exportedAt: '2026-05-01T12:00:00.000Z',
      journey: { ...readJourney(doc), comments: [], voteSessions: [] },
    })
  })

  it('refuses a doc from a newer version instead of dropping what it added', () => {
    const doc = createJourneyDoc({ title: 'Future' })
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(() => exportJourney(doc)).toThrow(/saved by a newer Touchline \(layout version 3\)/)
  })

  it('never contains the ballots of a hidden session before its reveal', () => {
    const { journeyDoc, review, privateDoc, journey, items } = reviewFixture()
    const hidden = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.pain, items.card1] },
      NOW,
    )
    const { vote } = castVote(review, privateDoc, SERVER, ADA, journey, hidden.id, items.pain, NOW)
    const file = exportJourney(journeyDoc, { review, now: NOW })
    expect(file.journey.voteSessions).toEqual([{ ...hidden, votes: [] }])
    const text = JSON.stringify(file)
    expect(text).not.toContain(vote.id)
    expect(text).not.toContain(ADA.participant.id)
    revealVoteSession(review, privateDoc, SERVER, ED, hidden.id, NOW)
    const revealed = exportJourney(journeyDoc, { review, now: NOW })
    expect(revealed.journey.voteSessions[0]?.votes).toEqual([vote])
  })

  it('round-trips the review through import and writeReview', () => {
    const { journeyDoc, review, privateDoc, journey, items, tps } = reviewFixture()
    const thread = addReviewComment(
      review,
      SERVER,
      ADA,
      journey,
      { anchor: { type: 'item', ...items.pain }, body: 'Ouch', mentions: ['pa_bo'] },
      NOW,
    )
    addReviewComment(review, SERVER, BO, journey, { parentId: thread.id, body: 'Agreed' }, NOW)
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.pain, items.card2], hidden: false },
      NOW,
    )
    castVote(review, privateDoc, SERVER, BO, journey, session.id, items.card2, NOW)
    revealVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    startVoteSession(review, SERVER, ED, journey, { items: [items.card0] }, NOW)
    updateTouchpoint(journeyDoc, ME, tps[2] ?? '', {
      priority: { sessionId: session.id, rank: 1, votes: 1 },
    })
    const file = exportJourney(journeyDoc, { review, now: NOW })
    const imported = importJourney(JSON.parse(JSON.stringify(file)))
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues))
    const again = new Y.Doc()
    writeReview(again, SERVER, imported.review)
    expect(readReview(again)).toEqual(readReview(review))
    expect(exportJourney(imported.doc, { review: again, now: NOW })).toEqual(file)
  })

  it('exports a review consistent with the journey when editors deleted what it points at', () => {
    const { journeyDoc, review, privateDoc, journey, items, tps } = reviewFixture()
    const onCard = addReviewComment(
      review,
      SERVER,
      ADA,
      journey,
      { anchor: { type: 'touchpoint', id: tps[1] ?? '' }, body: 'Here' },
      NOW,
    )
    const session = startVoteSession(
      review,
      SERVER,
      ED,
      journey,
      { items: [items.card1, items.card2], hidden: false },
      NOW,
    )
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card1, NOW)
    castVote(review, privateDoc, SERVER, ADA, journey, session.id, items.card2, NOW)
    revealVoteSession(review, privateDoc, SERVER, ED, session.id, NOW)
    const only = startVoteSession(review, SERVER, ED, journey, { items: [items.card1] }, NOW)
    removeTouchpoints(journeyDoc, ME, [tps[1] ?? ''])
    const file = exportJourney(journeyDoc, { review })
    expect(file.journey.comments).toEqual([{ ...onCard, anchor: { type: 'canvas', x: 0, y: 0 } }])
    const [exported, ...rest] = file.journey.voteSessions
    expect(rest).toEqual([])
    expect(exported?.items).toEqual([items.card2])
    expect(exported?.results).toEqual([{ item: items.card2, votes: 1, rank: 1 }])
    expect(exported?.votes.map((v) => v.item)).toEqual([items.card2])
    expect(file.journey.voteSessions.map((s) => s.id)).not.toContain(only.id)
    expect(importJourney(file).ok).toBe(true)
  })
})
