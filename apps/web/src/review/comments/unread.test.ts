import type { Comment } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../../test/memory-storage'
import type { Thread } from '../review-store'
import {
  isUnread,
  latestFromOthers,
  loadMarks,
  markSeen,
  pruneMarks,
  saveMarks,
  seenKey,
  unreadComments,
  unreadPlaces,
} from './unread'

const ME = 'p-me'

function comment(id: string, authorId: string, createdAt: string, editedAt?: string): Comment {
  return {
    id,
    anchor: { type: 'canvas', x: 0, y: 0 },
    parentId: null,
    author: { id: authorId, name: authorId, color: '#4f46e5' },
    body: 'text',
    mentions: [],
    createdAt,
    editedAt: editedAt ?? null,
    resolved: false,
    resolvedBy: null,
  }
}

function thread(...comments: Comment[]): Thread {
  const [first, ...replies] = comments
  if (!first) throw new Error('a thread has a first comment')
  return { comment: first, replies }
}

const T1 = '2025-03-12T10:00:00.000Z'
const T2 = '2025-03-12T10:05:00.000Z'
const T3 = '2025-03-12T10:09:00.000Z'

describe('unread threads', () => {
  it('are those with comments or edits from others newer than what was shown', () => {
    const started = thread(comment('c1', ME, T1), comment('c2', 'p-ana', T2))
    expect(isUnread(started, ME, {})).toBe(true)
    const seen = markSeen({}, [started])
    expect(isUnread(started, ME, seen)).toBe(false)
    const edited = thread(comment('c1', ME, T1), comment('c2', 'p-ana', T2, T3))
    expect(isUnread(edited, ME, seen)).toBe(true)
  })

  it('names the comments that are new in a thread', () => {
    const first = comment('c1', 'p-ana', T1)
    const reply = comment('c2', 'p-ben', T3)
    const seen = markSeen({}, [thread(first)])
    expect(unreadComments(thread(first, reply), ME, seen)).toEqual(new Set(['c2']))
    expect(unreadComments(thread(first, comment('c3', ME, T3)), ME, seen)).toEqual(new Set())
    expect(unreadComments(thread(first), ME, {})).toEqual(new Set(['c1']))
  })

  it("never counts this person's own comments as news", () => {
    const mine = thread(comment('c1', ME, T1), comment('c2', ME, T3))
    expect(latestFromOthers([mine.comment, ...mine.replies], ME)).toBeNull()
    expect(isUnread(mine, ME, {})).toBe(false)
  })

  it('keeps the same marks object when nothing new was shown', () => {
    const single = thread(comment('c1', 'p-ana', T2))
    const seen = markSeen({}, [single])
    expect(markSeen(seen, [single])).toBe(seen)
    expect(pruneMarks(seen, new Set(['c1']))).toBe(seen)
    expect(pruneMarks(seen, new Set())).toEqual({})
  })
})

describe('unreadPlaces', () => {
  it('puts unread open threads on their card, stage or spot', () => {
    const onItem = thread({
      ...comment('c1', 'p-ana', T1),
      anchor: { type: 'item', touchpointId: 'tp1', itemId: 'i1', list: 'painPoints' },
    })
    const onStage = thread({ ...comment('c2', 'p-ana', T1), anchor: { type: 'stage', id: 's1' } })
    const resolved = thread({
      ...comment('c3', 'p-ana', T1),
      anchor: { type: 'touchpoint', id: 'tp2' },
      resolved: true,
    })
    const onCanvas = thread(comment('c4', 'p-ana', T1))
    const places = unreadPlaces([onItem, onStage, resolved, onCanvas], ME, {})
    expect(places.threads).toEqual(new Set(['c1', 'c2', 'c4']))
    expect(places.touchpoints).toEqual(new Set(['tp1']))
    expect(places.stages).toEqual(new Set(['s1']))
  })
})

describe('stored marks', () => {
  it('are kept per journey and survive a reload', () => {
    const storage = memoryStorage()
    const marks = { c1: Date.parse(T2) }
    saveMarks('j1', marks, storage)
    expect(loadMarks('j1', storage)).toEqual(marks)
    expect(loadMarks('j2', storage)).toEqual({})
  })

  it('count as nothing seen when unreadable or missing', () => {
    const storage = memoryStorage()
    storage.setItem(seenKey('j1'), '{not json')
    expect(loadMarks('j1', storage)).toEqual({})
    storage.setItem(seenKey('j1'), JSON.stringify({ c1: 'yesterday', c2: 5 }))
    expect(loadMarks('j1', storage)).toEqual({ c2: 5 })
    expect(loadMarks('j1', null)).toEqual({})
  })
})
