import { addPersona, addTouchpoint, createJourneyDoc, readJourney } from '@touchline/model'
import { describe, expect, it } from 'vitest'
import { cardEmotion, emotionColor, formatScore } from './emotion'

describe('card emotion', () => {
  const doc = createJourneyDoc({ title: 'Emotions' })
  const a = addPersona(doc, 'test', { name: 'CFO' })
  const b = addPersona(doc, 'test', { name: 'IT lead' })
  addTouchpoint(doc, 'test', { title: 'Rated', emotions: { [a]: -3, [b]: 2 } })
  addTouchpoint(doc, 'test', { title: 'Unrated' })
  const journey = readJourney(doc)
  const rated = journey.touchpoints.find((tp) => tp.title === 'Rated')
  const unrated = journey.touchpoints.find((tp) => tp.title === 'Unrated')

  it('shows the chosen persona, else the rounded mean of rated personas', () => {
    if (!rated || !unrated) throw new Error('fixture missing')
    expect(cardEmotion(rated, a)).toBe(-3)
    expect(cardEmotion(rated, 'someone-else')).toBeNull()
    expect(Object.is(cardEmotion(rated, null), 0)).toBe(true)
    expect(cardEmotion(unrated, null)).toBeNull()
  })

  it('maps scores to the emotion tokens and signs them', () => {
    expect(emotionColor(-2)).toBe('var(--emotion-n2)')
    expect(emotionColor(3)).toBe('var(--emotion-p3)')
    expect(emotionColor(0)).toBe('var(--emotion-0)')
    expect(formatScore(2)).toBe('+2')
    expect(formatScore(-1)).toBe('-1')
    expect(formatScore(1.26)).toBe('+1.3')
    expect(formatScore(-0.04)).toBe('0')
  })
})
