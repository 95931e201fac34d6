import { useReview } from '../../review/ReviewContext'
import { useJourneyState } from '../store/editor-context'

const ROLE_TEXT = {
  viewer: { label: 'Viewing', hint: 'Your link lets you look at this journey and its review.' },
  commenter: {
    label: 'Reviewing',
    hint: 'Your link lets you comment and vote; only editors change the journey.',
  },
  editor: { label: 'Read-only', hint: 'This journey was saved by a newer version of Touchline.' },
} as const

/** In place of the editing tools: what this page may do here, and why no more. */
export function RoleBadge() {
  const { role } = useReview()
  const reason = useJourneyState((state) => state.readOnly)
  const text = reason === 'newer-version' ? ROLE_TEXT.editor : ROLE_TEXT[role]
  return (
    <span className="role-badge" title={text.hint} data-testid="role-badge">
      {text.label}
      <span className="tl-visually-hidden">: {text.hint}</span>
    </span>
  )
}
