import { addPersona, addTouchpoint, createJourneyDoc, readJourney } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import {
  cardHeight,
  MAX_TITLE_LINES,
  OVERVIEW_TITLE_LINE,
  overviewTitleLines,
  TITLE_LINE,
  titleLines,
  wrappedLines,
} from './card-size'

const monospace = (text: string) => text.length * 10

describe('card size', () => {
  it('wraps between words, and inside a word longer than a line', () => {
    expect(wrappedLines('', 100, monospace)).toBe(1)
    expect(wrappedLines('four five', 100, monospace)).toBe(1)
    expect(wrappedLines('four fives words', 100, monospace)).toBe(2)
    expect(wrappedLines('abcdefghijklmnopqrstuvwxy', 100, monospace)).toBe(3)
    expect(wrappedLines('ab abcdefghijklmnop', 100, monospace)).toBe(3)
    expect(wrappedLines('  spaced   out  ', 100, monospace)).toBe(1)
  })

  it('caps a title at three lines', () => {
    expect(titleLines('Webinar')).toBe(1)
    expect(titleLines('word '.repeat(200))).toBe(MAX_TITLE_LINES)
  })

  it('grows with the title, the owner and the personas, and nothing else', () => {
    const doc = createJourneyDoc({ title: 'Sizes' })
    const stageId = readJourney(doc).stages[0]?.id
    if (!stageId) throw new Error('no stage')
    const persona = addPersona(doc, 't', { name: 'CFO' })
    const ids = {
      bare: addTouchpoint(doc, 't', { stageId, title: 'Webinar' }),
      long: addTouchpoint(doc, 't', { stageId, title: 'Webinar '.repeat(12) }),
      owned: addTouchpoint(doc, 't', { stageId, title: 'Webinar', owner: 'Demand gen' }),
      served: addTouchpoint(doc, 't', { stageId, title: 'Webinar', personaIds: [persona] }),
      rated: addTouchpoint(doc, 't', {
        stageId,
        title: 'Webinar',
        painPoints: [{ id: 'pp_1', text: 'Too long', priority: null }],
        momentOfTruth: true,
      }),
    }
    const journey = readJourney(doc)
    const height = (id: string) => {
      const touchpoint = journey.touchpoints.find((tp) => tp.id === id)
      if (!touchpoint) throw new Error(`no card ${id}`)
      return cardHeight(touchpoint)
    }
    const bare = height(ids.bare)
    expect(height(ids.long)).toBe(bare + (MAX_TITLE_LINES - 1) * TITLE_LINE)
    expect(height(ids.owned)).toBeGreaterThan(bare)
    expect(height(ids.served)).toBeGreaterThan(bare)
    expect(height(ids.rated)).toBe(bare)
  })

  it('fits the overview look’s bigger title into the same card', () => {
    expect(overviewTitleLines(0)).toBe(1)
    expect(overviewTitleLines(30 + OVERVIEW_TITLE_LINE * 3)).toBe(3)
    expect(overviewTitleLines(30 + OVERVIEW_TITLE_LINE * 3 - 1)).toBe(2)
  })
})
