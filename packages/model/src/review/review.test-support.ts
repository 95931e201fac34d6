import { expect } from 'vitest'
import * as Y from 'yjs'
import type { Participant } from '../entities/participant.js'
import type { VoteItemRef } from '../entities/vote-session.js'
import { createItem } from '../mutations/create-item.js'
import { ME, sampleDoc } from '../mutations/journey.test-support.js'
import { updateTouchpoint } from '../mutations/touchpoint-mutations.js'
import { journeyLookup } from './journey-lookup.js'
import type { ReviewActor, ReviewRole } from './review-actor.js'
import { ReviewRuleError, type ReviewRuleStatus } from './review-rule-error.js'

/** The server's origin for review transactions. */
export const SERVER = { server: true }

export const NOW = new Date('2026-03-01T10:00:00.000Z')
export const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)

export function participant(name: string): Participant {
  return { id: `pa_${name.toLowerCase()}`, name, color: '#336699' }
}

export const actor = (name: string, role: ReviewRole): ReviewActor => ({
  participant: participant(name),
  role,
})

export const ADA = actor('Ada', 'commenter')
export const BO = actor('Bo', 'commenter')
export const ED = actor('Ed', 'editor')
export const FAY = actor('Fay', 'editor')
export const VI = actor('Vi', 'viewer')

/**
 * A journey with three cards, the first with a pain point and an opportunity, plus an
 * empty review doc and private doc.
 */
export function reviewFixture() {
  const { doc, tps, stages } = sampleDoc()
  const [t0 = '', t1 = '', t2 = ''] = tps
  const pain = createItem('Slow reply')
  const idea = createItem('Live chat')
  updateTouchpoint(doc, ME, t0, { painPoints: [pain], opportunities: [idea] })
  const items = {
    card0: { touchpointId: t0, itemId: null, list: null },
    card1: { touchpointId: t1, itemId: null, list: null },
    card2: { touchpointId: t2, itemId: null, list: null },
    pain: { touchpointId: t0, itemId: pain.id, list: 'painPoints' },
    idea: { touchpointId: t0, itemId: idea.id, list: 'opportunities' },
  } satisfies Record<string, VoteItemRef>
  return {
    journeyDoc: doc,
    journey: journeyLookup(doc),
    review: new Y.Doc(),
    privateDoc: new Y.Doc(),
    tps,
    stages,
    items,
  }
}

/** The origins of the transactions `doc` runs from now on. */
export function transactionsOf(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
  return origins
}

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  if (!b || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Expects `action` to throw a ReviewRuleError with `status` (and a message matching
 * `message`) and to leave every doc of `docs` exactly as it was.
 */
export function expectRefused(
  docs: readonly Y.Doc[],
  status: ReviewRuleStatus,
  action: () => unknown,
  message?: RegExp,
): ReviewRuleError {
  const before = docs.map((doc) => Y.encodeStateAsUpdate(doc))
  let thrown: unknown
  try {
    action()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(ReviewRuleError)
  const error = thrown as ReviewRuleError
  expect(error.status, error.message).toBe(status)
  if (message) expect(error.message).toMatch(message)
  docs.forEach((doc, i) => {
    expect(sameBytes(Y.encodeStateAsUpdate(doc), before[i]), `doc ${i} changed`).toBe(true)
  })
  return error
}
