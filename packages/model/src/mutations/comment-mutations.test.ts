import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { addComment, editComment, removeComment, resolveComment } from './comment-mutations.js'
import { expectOneUndoStep, ME, sampleDoc } from './journey.test-support.js'

describe('comment mutations', () => {
  it('addComment starts threads and replies take the thread anchor', () => {
    const { doc, tps } = sampleDoc()
    const anchor = { type: 'touchpoint' as const, id: tps[0] ?? '' }
    const thread = expectOneUndoStep(doc, () =>
      addComment(doc, ME, {
        author: 'Ada',
        body: 'Is this validated?',
        anchor,
        createdAt: '2026-03-01T10:00:00.000Z',
      }),
    )
    const reply = addComment(doc, ME, { author: 'Bo', body: 'Survey says yes', parentId: thread })
    const comments = readJourney(doc).comments
    expect(comments.find((c) => c.id === thread)).toMatchObject({
      anchor,
      parentId: null,
      author: 'Ada',
      createdAt: '2026-03-01T10:00:00.000Z',
      resolved: false,
    })
    expect(comments.find((c) => c.id === reply)).toMatchObject({ anchor, parentId: thread })
    expect(() => addComment(doc, ME, { author: 'C', body: 'x', parentId: reply })).toThrow(
      'is itself a reply',
    )
    expect(() => addComment(doc, ME, { author: 'C', body: 'x' })).toThrow('anchor: is required')
    expect(() =>
      addComment(doc, ME, { author: 'C', body: 'x', anchor: { type: 'stage', id: 'st_none' } }),
    ).toThrow('anchor.id: no stage with id "st_none"')
  })

  it('editComment changes the text', () => {
    const { doc } = sampleDoc()
    const id = addComment(doc, ME, {
      author: 'Ada',
      body: 'Tpyo',
      anchor: { type: 'canvas', x: 0, y: 0 },
    })
    expectOneUndoStep(doc, () => editComment(doc, ME, id, 'Typo'))
    expect(readJourney(doc).comments[0]?.body).toBe('Typo')
    expect(() => editComment(doc, ME, id, '')).toThrow('body: must not be empty')
  })

  it('resolveComment resolves and reopens', () => {
    const { doc } = sampleDoc()
    const id = addComment(doc, ME, {
      author: 'Ada',
      body: 'Hi',
      anchor: { type: 'canvas', x: 5, y: 5 },
    })
    expectOneUndoStep(doc, () => resolveComment(doc, ME, id))
    expect(readJourney(doc).comments[0]?.resolved).toBe(true)
    resolveComment(doc, ME, id, false)
    expect(readJourney(doc).comments[0]?.resolved).toBe(false)
  })

  it('removeComment removes a thread with its replies', () => {
    const { doc } = sampleDoc()
    const id = addComment(doc, ME, {
      author: 'Ada',
      body: 'Hi',
      anchor: { type: 'canvas', x: 0, y: 0 },
    })
    addComment(doc, ME, { author: 'Bo', body: 'Reply', parentId: id })
    expect(expectOneUndoStep(doc, () => removeComment(doc, ME, id))).toBe(true)
    expect(readJourney(doc).comments).toEqual([])
  })
})
