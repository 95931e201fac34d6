import type { Touchpoint } from '@touchline/model'

/**
 * The emotion a card shows: the chosen persona's score, or the rounded mean of every rated
 * persona when the canvas shows everyone. Null when nobody rated it yet.
 */
export function cardEmotion(touchpoint: Touchpoint, personaId: string | null): number | null {
  if (personaId !== null) return touchpoint.emotions[personaId] ?? null
  const scores = Object.values(touchpoint.emotions)
  if (scores.length === 0) return null
  const mean = Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length)
  // Math.round(-0.4) is -0, which would print as "-0".
  return mean === 0 ? 0 : mean
}

/** The design token for a score, red (-3) through grey (0) to green (+3). */
export function emotionColor(score: number | null): string {
  if (score === null) return 'var(--text-faint)'
  const clamped = Math.max(-3, Math.min(3, Math.round(score)))
  if (clamped === 0) return 'var(--emotion-0)'
  return clamped < 0 ? `var(--emotion-n${-clamped})` : `var(--emotion-p${clamped})`
}

const WORDS: Record<number, string> = {
  [-3]: 'Very negative',
  [-2]: 'Negative',
  [-1]: 'Slightly negative',
  0: 'Neutral',
  1: 'Slightly positive',
  2: 'Positive',
  3: 'Delighted',
}

export function emotionWord(score: number | null): string {
  if (score === null) return 'Not rated'
  return WORDS[Math.max(-3, Math.min(3, Math.round(score)))] ?? 'Neutral'
}

/** "+2", "0", "-1": the sign matters more than the number in a workshop. */
export function formatScore(score: number): string {
  // Means come in any fraction; one decimal is what a -3..+3 scale can tell apart.
  const rounded = Math.round(score * 10) / 10 || 0
  return rounded > 0 ? `+${rounded}` : String(rounded)
}
