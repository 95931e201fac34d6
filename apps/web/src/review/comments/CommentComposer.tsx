import type { Participant } from '@touchline/model'
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { describeError } from '../../api/errors'
import { SendIcon } from '../../journey/chrome/icons'
import { useReview, useReviewStore } from '../ReviewContext'
import { selectParticipants } from '../review-store'
import { Avatar } from './Avatar'
import {
  type ActiveMention,
  activeMention,
  completeMention,
  insertMention,
  type Mentionable,
  mentionedIds,
} from './mentions'

interface Props {
  placeholder: string
  submitLabel: string
  initial?: string
  /** Mentions the text already holds (when editing), so they survive the edit. */
  initialMentions?: readonly string[]
  autoFocus?: boolean
  /** Resolves once the server accepted; a refusal is shown here and the text is kept. */
  onSubmit: (body: string, mentions: string[]) => Promise<void>
  onCancel: () => void
  testId?: string
}

const MAX_ROWS_PX = 160

/**
 * Writing a comment as in a document tool: Enter sends, Shift+Enter starts a new line, Escape
 * cancels; "@" completes the names of the people on the journey and of earlier commenters.
 */
export function CommentComposer({
  placeholder,
  submitLabel,
  initial = '',
  initialMentions = [],
  autoFocus,
  onSubmit,
  onCancel,
  testId,
}: Props) {
  const { me } = useReview()
  const participants = useReviewStore(selectParticipants)
  const others = useMemo(
    () => participants.filter((person) => person.id !== me.id),
    [participants, me.id],
  )
  const [text, setText] = useState(initial)
  const [picked, setPicked] = useState<Mentionable[]>(() =>
    participants.filter((person) => initialMentions.includes(person.id)),
  )
  const [mention, setMention] = useState<ActiveMention | null>(null)
  const [active, setActive] = useState(0)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const listId = useId()

  const suggestions = useMemo(
    () => (mention ? completeMention(mention.query, others) : []),
    [mention, others],
  )
  const listOpen = suggestions.length > 0

  // The field grows with its text up to a few lines, then scrolls.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text.
  useLayoutEffect(() => {
    const element = field.current
    if (!element) return
    element.style.height = 'auto'
    element.style.height = `${Math.min(element.scrollHeight, MAX_ROWS_PX)}px`
  }, [text])

  useEffect(() => {
    if (!autoFocus) return
    const element = field.current
    if (!element) return
    element.focus({ preventScroll: true })
    element.setSelectionRange(element.value.length, element.value.length)
  }, [autoFocus])

  const trackCaret = useCallback((element: HTMLTextAreaElement) => {
    const next = activeMention(element.value, element.selectionStart)
    setMention(next)
    setActive(0)
  }, [])

  const pick = (person: Participant) => {
    const element = field.current
    if (!element || !mention) return
    const next = insertMention(text, mention, element.selectionStart, person)
    setText(next.text)
    setPicked((list) => [...list.filter((p) => p.id !== person.id), person])
    setMention(null)
    requestAnimationFrame(() => {
      element.focus()
      element.setSelectionRange(next.caret, next.caret)
    })
  }

  const submit = async () => {
    const body = text.trim()
    if (!body || sending) return
    setSending(true)
    setError(null)
    try {
      await onSubmit(body, mentionedIds(body, picked, others))
      setText('')
      setPicked([])
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setSending(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An IME composing a character owns Enter and Escape.
    if (event.nativeEvent.isComposing) return
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((index) => (index + step + suggestions.length) % suggestions.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = suggestions[active]
        if (person) {
          event.preventDefault()
          pick(person)
          return
        }
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setMention(null)
        return
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault()
      void submit()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      setText(initial)
      setError(null)
      event.currentTarget.blur()
      onCancel()
    }
  }

  return (
    <div className="comment-composer" data-testid={testId}>
      <div className="comment-composer-box">
        <textarea
          ref={field}
          className="comment-composer-field"
          value={text}
          rows={1}
          role="combobox"
          placeholder={placeholder}
          aria-label={placeholder}
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
          disabled={sending}
          onChange={(event) => {
            setText(event.target.value)
            setError(null)
            trackCaret(event.target)
          }}
          onSelect={(event) => trackCaret(event.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
        <button
          type="button"
          className="comment-send"
          aria-label={submitLabel}
          title={`${submitLabel} (Enter)`}
          disabled={!text.trim() || sending}
          data-testid="comment-send"
          // Keeps the caret in the field, so a click sends without closing the mention list first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => void submit()}
        >
          <SendIcon size={15} />
        </button>
      </div>
      {listOpen ? (
        <div className="mention-list" id={listId} role="listbox" aria-label="People to mention">
          {suggestions.map((person, index) => (
            <div
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={index === active ? 'mention-option is-active' : 'mention-option'}
              data-testid="mention-option"
              onMouseDown={(event) => {
                event.preventDefault()
                pick(person)
              }}
              onMouseEnter={() => setActive(index)}
            >
              <Avatar person={person} size="small" />
              {person.name}
            </div>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : text ? (
        <p className="comment-hint" aria-hidden="true">
          <kbd>Enter</kbd> to {submitLabel.toLowerCase()}, <kbd>Shift</kbd>+<kbd>Enter</kbd> new
          line, <kbd>@</kbd> to mention
        </p>
      ) : null}
    </div>
  )
}
