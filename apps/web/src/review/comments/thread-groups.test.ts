import {
  addStage,
  addTouchpoint,
  type Comment,
  type CommentAnchor,
  createJourneyDoc,
  readJourney,
  updateTouchpoint,
} from '@touchline/model'
import { describe, expect, it } from 'vitest'
import type { Thread } from '../review-store'
import { anchorPlace, indexMap } from './anchor-place'
import { groupByStage, threadsForTab } from './thread-groups'

const ME = 'p-me'

function comment(
  id: string,
  anchor: CommentAnchor,
  options: Partial<Pick<Comment, 'createdAt' | 'resolved' | 'mentions' | 'parentId'>> = {},
): Comment {
  return {
    id,
    anchor,
    parentId: options.parentId ?? null,
    author: { id: 'p-ana', name: 'Ana', color: '#0891b2' },
    body: 'A note',
    mentions: options.mentions ?? [],
    createdAt: options.createdAt ?? '2025-03-12T10:00:00.000Z',
    editedAt: null,
    resolved: options.resolved ?? false,
    resolvedBy: null,
  }
}

function thread(first: Comment, ...replies: Comment[]): Thread {
  return { comment: first, replies }
}

function journeyWithCards() {
  const doc = createJourneyDoc({ title: 'Groups' })
  const stages = readJourney(doc).stages
  const first = stages[0]
  if (!first) throw new Error('a new journey has stages')
  const second = addStage(doc, 't', { name: 'Later' })
  const early = addTouchpoint(doc, 't', { title: 'Early card', stageId: first.id })
  const late = addTouchpoint(doc, 't', { title: 'Late card', stageId: second })
  updateTouchpoint(doc, 't', late, { painPoints: [{ id: 'pp1', text: 'Slow', priority: null }] })
  const journey = readJourney(doc)
  return { journey, index: indexMap(journey), first: first.id, second, early, late }
}

describe('threadsForTab', () => {
  const open = thread(comment('a', { type: 'canvas', x: 0, y: 0 }))
  const done = thread(comment('b', { type: 'canvas', x: 0, y: 0 }, { resolved: true }))
  const mentioned = thread(
    comment('c', { type: 'canvas', x: 0, y: 0 }, { resolved: true }),
    comment('d', { type: 'canvas', x: 0, y: 0 }, { parentId: 'c', mentions: [ME] }),
  )

  it('splits open from resolved threads', () => {
    expect(threadsForTab([open, done, mentioned], 'open', ME)).toEqual([open])
    expect(threadsForTab([open, done, mentioned], 'resolved', ME)).toEqual([done, mentioned])
  })

  it('lists threads mentioning this person in any comment, resolved or not', () => {
    expect(threadsForTab([open, done, mentioned], 'mentions', ME)).toEqual([mentioned])
    expect(threadsForTab([open, done, mentioned], 'mentions', 'p-other')).toEqual([])
  })
})

describe('groupByStage', () => {
  it('groups by stage in map order, newest activity first, canvas and removed places last', () => {
    const { journey, index, first, second, early, late } = journeyWithCards()
    const onLate = thread(comment('t1', { type: 'touchpoint', id: late }))
    const onItem = thread(
      comment('t2', { type: 'item', touchpointId: late, itemId: 'pp1', list: 'painPoints' }),
      comment('t2r', { type: 'touchpoint', id: late }, { createdAt: '2025-03-12T11:00:00.000Z' }),
    )
    const onStage = thread(comment('t3', { type: 'stage', id: first }))
    const onEarly = thread(comment('t4', { type: 'touchpoint', id: early }))
    const onCanvas = thread(comment('t5', { type: 'canvas', x: 10, y: 20 }))
    const removed = thread(comment('t6', { type: 'touchpoint', id: 'gone' }))
    const groups = groupByStage(
      [onLate, onItem, onStage, onEarly, onCanvas, removed],
      journey,
      index,
    )
    expect(groups.map((group) => [group.key, group.threads.map((t) => t.comment.id)])).toEqual([
      [first, ['t3', 't4']],
      [second, ['t2', 't1']],
      ['canvas', ['t5']],
      ['gone', ['t6']],
    ])
    expect(groups[1]?.title).toBe('Later')
  })
})

describe('anchorPlace', () => {
  it('names the card, item or stage, and the card an item is on', () => {
    const { index, late, second } = journeyWithCards()
    expect(anchorPlace({ type: 'touchpoint', id: late }, index)).toMatchObject({
      kind: 'Touchpoint',
      label: 'Late card',
      stageId: second,
      gone: false,
    })
    expect(
      anchorPlace({ type: 'item', touchpointId: late, itemId: 'pp1', list: 'painPoints' }, index),
    ).toMatchObject({ kind: 'Pain point', label: 'Slow', within: 'Late card', stageId: second })
  })

  it('says when the target was removed', () => {
    const { index, late } = journeyWithCards()
    expect(
      anchorPlace({ type: 'item', touchpointId: late, itemId: 'x', list: 'opportunities' }, index),
    ).toMatchObject({ label: 'A removed opportunity', gone: true, stageId: null })
    expect(anchorPlace({ type: 'stage', id: 'x' }, index).gone).toBe(true)
  })
})
