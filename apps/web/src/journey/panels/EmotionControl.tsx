import { EMOTION_MAX, EMOTION_MIN, type Persona } from '@touchline/model'
import type { CSSProperties } from 'react'
import { emotionColor, emotionWord, formatScore } from '../canvas/emotion'
import { useCanEdit } from '../store/editor-context'

const SCORES = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MIN + i)

interface Props {
  persona: Persona
  value: number | null
  serves: boolean
  onChange: (value: number | null) => void
}

/**
 * How one persona feels at a touchpoint: seven buttons from -3 (very negative) to +3
 * (delighted), coloured along the emotion scale, plus a way back to "not rated".
 */
export function EmotionControl({ persona, value, serves, onChange }: Props) {
  const canEdit = useCanEdit()
  return (
    <div className={serves ? 'emotion-row' : 'emotion-row is-unserved'}>
      <div className="emotion-row-head">
        <span
          className="persona-chip"
          style={{ '--persona-color': persona.color } as CSSProperties}
        >
          {persona.name}
        </span>
        <span className="emotion-word" style={{ color: emotionColor(value) }}>
          {value === null ? 'Not rated' : `${formatScore(value)} ${emotionWord(value)}`}
        </span>
        {value !== null ? (
          <button type="button" className="link-button edit-only" onClick={() => onChange(null)}>
            Clear
          </button>
        ) : null}
      </div>
      <div
        className="emotion-scale"
        role="radiogroup"
        aria-label={`How ${persona.name} feels`}
        data-testid="emotion-control"
        data-persona={persona.id}
      >
        {SCORES.map((score) => (
          // biome-ignore lint/a11y/useSemanticElements: a styled button row reads better than radio inputs here.
          <button
            key={score}
            type="button"
            role="radio"
            aria-checked={value === score}
            aria-label={`${formatScore(score)} ${emotionWord(score)}`}
            title={emotionWord(score)}
            className={value === score ? 'emotion-step is-active' : 'emotion-step'}
            style={{ '--step-color': emotionColor(score) } as CSSProperties}
            disabled={!canEdit}
            onClick={() => onChange(value === score ? null : score)}
          >
            {formatScore(score)}
          </button>
        ))}
      </div>
    </div>
  )
}
