import { describe, expect, it } from 'vitest'
import {
  activeMention,
  completeMention,
  insertMention,
  mentionedIds,
  mentionSegments,
} from './mentions'

const ana = { id: 'p-ana', name: 'Ana' }
const anaLima = { id: 'p-lima', name: 'Ana Lima' }
const maya = { id: 'p-maya', name: 'Maya (Marketing)' }
const ben = { id: 'p-ben', name: 'Ben' }

describe('mentionSegments', () => {
  it('splits plain text from mentions of known people', () => {
    expect(mentionSegments('Thanks @Ben, and @Maya (Marketing) too', [ben, maya])).toEqual([
      { text: 'Thanks ', personId: null },
      { text: '@Ben', personId: 'p-ben' },
      { text: ', and ', personId: null },
      { text: '@Maya (Marketing)', personId: 'p-maya' },
      { text: ' too', personId: null },
    ])
  })

  it('prefers the longest name and never matches inside a longer word', () => {
    expect(mentionSegments('@Ana Lima agrees', [ana, anaLima])[0]).toEqual({
      text: '@Ana Lima',
      personId: 'p-lima',
    })
    expect(mentionSegments('@Anatole and mail@Ana', [ana])).toEqual([
      { text: '@Anatole and mail@Ana', personId: null },
    ])
  })

  it('matches names whatever their case, and leaves unknown names as text', () => {
    expect(mentionSegments('@ben?', [ben])).toEqual([
      { text: '@ben', personId: 'p-ben' },
      { text: '?', personId: null },
    ])
    expect(mentionSegments('@Zoe hi', [ben])).toEqual([{ text: '@Zoe hi', personId: null }])
    expect(mentionSegments('', [ben])).toEqual([])
  })
})

describe('mentionedIds', () => {
  it('counts picked people still named in the text, then anyone typed out in full', () => {
    expect(mentionedIds('@Ben and @Ana Lima', [anaLima], [ana, ben])).toEqual(['p-ben', 'p-lima'])
    expect(mentionedIds('no one', [ben], [ben])).toEqual([])
  })

  it('of two people with one name, takes the one picked from the list', () => {
    const otherBen = { id: 'p-ben-2', name: 'Ben' }
    expect(mentionedIds('@Ben', [otherBen], [ben, otherBen])).toEqual(['p-ben-2'])
  })
})

describe('activeMention', () => {
  it('finds the "@query" just before the caret', () => {
    expect(activeMention('Hi @Ma', 6)).toEqual({ start: 3, query: 'Ma' })
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' })
    expect(activeMention('Hi @Ana Li', 10)).toEqual({ start: 3, query: 'Ana Li' })
  })

  it('is none in an email address, after a new line or a double space, or past the caret', () => {
    expect(activeMention('mail me at a@b', 14)).toBeNull()
    expect(activeMention('@Ana\nthanks', 11)).toBeNull()
    expect(activeMention('@Ana  done', 10)).toBeNull()
    expect(activeMention('@ Ana', 5)).toBeNull()
    expect(activeMention('Hi @Ma', 2)).toBeNull()
  })
})

describe('completeMention', () => {
  it('ranks name starts, then word starts, then any match', () => {
    const emma = { id: 'p-emma', name: 'Emma' }
    const tomas = { id: 'p-tom', name: 'Tomas Marques' }
    const people = [emma, tomas, maya, ana, anaLima]
    expect(completeMention('ma', people).map((p) => p.name)).toEqual([
      'Maya (Marketing)',
      'Tomas Marques',
      'Ana Lima',
      'Emma',
    ])
    expect(completeMention('li', people).map((p) => p.name)).toEqual(['Ana Lima'])
    expect(completeMention('', people).map((p) => p.name)).toEqual([
      'Ana',
      'Ana Lima',
      'Emma',
      'Maya (Marketing)',
      'Tomas Marques',
    ])
    expect(completeMention('', people, 2)).toHaveLength(2)
  })
})

describe('insertMention', () => {
  it('replaces the query with the full name and puts the caret after it', () => {
    const text = 'Ask @an about it'
    const caret = 7
    const mention = activeMention(text, caret)
    if (!mention) throw new Error('a mention is being typed')
    expect(insertMention(text, mention, caret, anaLima)).toEqual({
      text: 'Ask @Ana Lima about it',
      caret: 14,
    })
  })
})
