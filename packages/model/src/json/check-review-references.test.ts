import { describe, expect, it } from 'vitest'
import type { JourneyExport } from '../entities/journey-export.js'
import { ADA, BO, ED, NOW, reviewFixture, SERVER } from '../review/review.test-support.js'
import { addReviewComment } from '../review/review-comment-mutations.js'
import { castVote } from '../review/vote-mutations.js'
import { revealVoteSession, startVoteSession } from '../review/vote-session-mutations.js'
import { exportJourney } from './export-journey.js'
import { validateJourneyExport } from './validate-journey-export.js'

/** A valid file with a thread and reply, a revealed public session and an open hidden one. */
function fileWithReview() {
  const { journeyDoc, review, privateDoc, journey, items } = reviewFixture()
  const thread = addReviewComment(
    review,
    SERVER,
    ADA,
    journey,
    { anchor: { type: 'item', ...items.idea }, body: 'Yes' },
    NOW,
  )
  addReviewComment(review, SERVER, BO, journey, { parentId: thread.id, body: 'No' }, NOW)
  const done = startVoteSession(
    review,
    SERVER,
    ED,
    journey,
    { items: [items.card0, items.pain], hidden: false },
    NOW,
  )
  castVote(review, privateDoc, SERVER, ADA, journey, done.id, items.pain, NOW)
  revealVoteSession(review, privateDoc, SERVER, ED, done.id, NOW)
  startVoteSession(review, SERVER, ED, journey, { items: [items.card1] }, NOW)
  const file = JSON.parse(JSON.stringify(exportJourney(journeyDoc, { review, now: NOW })))
  return { file: file as JourneyExport, items }
}

function issuesOf(file: JourneyExport) {
  const result = validateJourneyExport(file)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.issues
}

describe('reference checks of the review in a file', () => {
  it('accepts the exported file', () => {
    expect(validateJourneyExport(fileWithReview().file).ok).toBe(true)
  })

  it('comments pointing at missing anchors or parents', () => {
    const { file } = fileWithReview()
    const [thread, reply] = file.journey.comments
    if (!thread || !reply) throw new Error('fixture')
    const [tp] = file.journey.touchpoints
    const tpId = tp?.id ?? ''
    file.journey.comments = [
      {
        ...thread,
        anchor: { type: 'item', touchpointId: tpId, itemId: 'it_gone', list: 'opportunities' },
      },
      { ...reply, parentId: 'cm_missing' },
      { ...thread, id: 'cm_t', anchor: { type: 'touchpoint', id: 'tp_gone' } },
      { ...thread, id: 'cm_s', anchor: { type: 'stage', id: 'st_gone' } },
      { ...reply, id: 'cm_r', parentId: reply.id },
    ]
    expect(issuesOf(file)).toEqual([
      {
        path: 'comments[0].anchor.itemId',
        message: `touchpoint "${tpId}" has no opportunity with id "it_gone"`,
      },
      { path: 'comments[1].parentId', message: 'no comment with id "cm_missing"' },
      { path: 'comments[2].anchor.id', message: 'no touchpoint with id "tp_gone"' },
      { path: 'comments[3].anchor.id', message: 'no stage with id "st_gone"' },
      {
        path: 'comments[4].parentId',
        message: `comment "${reply.id}" is itself a reply; replies are one level deep`,
      },
    ])
  })

  it('sessions: items, one open session, results and revealedAt, hidden votes', () => {
    const { file, items } = fileWithReview()
    const [done, open] = file.journey.voteSessions
    if (!done || !open) throw new Error('fixture')
    const [vote] = done.votes
    if (!vote) throw new Error('fixture')
    file.journey.voteSessions = [
      {
        ...done,
        items: [items.card0, { ...items.card0 }, { ...items.card1, touchpointId: 'tp_gone' }],
      },
      { ...open, results: [] },
      {
        ...open,
        id: 'vs_open2',
        revealedAt: NOW.toISOString(),
        votes: [{ ...vote, id: 'vo_x', sessionId: 'vs_open2' }],
      },
      {
        ...done,
        id: 'vs_d2',
        results: null,
        revealedAt: null,
        votes: [{ ...vote, sessionId: 'vs_other', item: items.idea }],
      },
    ]
    const v = vote.id
    expect(issuesOf(file)).toEqual([
      {
        path: 'voteSessions[0].items[1]',
        message: `lists the item "${items.card0.touchpointId}" twice`,
      },
      { path: 'voteSessions[0].items[2].touchpointId', message: 'no touchpoint with id "tp_gone"' },
      { path: 'voteSessions[0].results[0].item', message: 'is not an item of this session' },
      { path: 'voteSessions[0].votes[0].item', message: 'is not an item of this session' },
      { path: 'voteSessions[1].results', message: 'must be null until revealed' },
      {
        path: 'voteSessions[2].status',
        message: 'only one vote session can be open (also voteSessions[1])',
      },
      { path: 'voteSessions[2].revealedAt', message: 'must be null until revealed' },
      {
        path: 'voteSessions[2].votes',
        message: 'must be empty: a hidden session shows no votes until its reveal',
      },
      { path: 'voteSessions[2].votes[0].item', message: 'is not an item of this session' },
      { path: 'voteSessions[3].results', message: 'is required once revealed' },
      { path: 'voteSessions[3].revealedAt', message: 'is required once revealed' },
      {
        path: 'voteSessions[3].votes[0].id',
        message: `duplicate id "${v}" (also voteSessions[0].votes[0])`,
      },
      { path: 'voteSessions[3].votes[0].sessionId', message: `must be its session's id "vs_d2"` },
      { path: 'voteSessions[3].votes[0].item', message: 'is not an item of this session' },
    ])
  })
})
