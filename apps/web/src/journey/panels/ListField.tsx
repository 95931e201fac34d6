import type { ReactNode } from 'react'
import { CloseIcon } from '../chrome/icons'
import { AddItemRow } from './AddItemRow'
import { TextField } from './TextField'

interface Props<T> {
  label: string
  items: readonly T[]
  /** The text shown and edited for an item. */
  text: (item: T) => string
  /** A copy of `item` holding new text. */
  withText: (item: T, text: string) => T
  create: (text: string) => T
  onChange: (items: T[]) => void
  placeholder: string
  itemKey: (item: T, index: number) => string
  /** What else a row shows between its text and its remove button (its comments, its votes). */
  aside?: (item: T) => ReactNode
  testId?: string
}

/**
 * An editable list of short texts (pain points, goals, tags…): edit in place, remove, and add
 * by typing into the last row and pressing Enter.
 */
export function ListField<T>({
  label,
  items,
  text,
  withText,
  create,
  onChange,
  placeholder,
  itemKey,
  aside,
  testId,
}: Props<T>) {
  return (
    <div className="field list-field" data-testid={testId}>
      <span className="field-label">
        {label}
        {items.length > 0 ? <span className="field-count">{items.length}</span> : null}
      </span>
      <ul className={aside ? 'has-aside' : undefined}>
        {items.map((item, index) => (
          <li key={itemKey(item, index)}>
            <TextField
              label={`${label} ${index + 1}`}
              value={text(item)}
              hideLabel
              required
              onCommit={(value) =>
                onChange(items.map((other, i) => (i === index ? withText(other, value) : other)))
              }
            />
            {aside ? <span className="list-aside">{aside(item)}</span> : null}
            <button
              type="button"
              className="tl-icon-button edit-only"
              aria-label={`Remove “${text(item)}”`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              <CloseIcon size={14} />
            </button>
          </li>
        ))}
      </ul>
      <AddItemRow
        placeholder={placeholder}
        label={`Add to ${label}`}
        onAdd={(value) => onChange([...items, create(value)])}
      />
    </div>
  )
}

/** Plain string lists (goals, tags…). */
export function StringListField(
  props: Omit<Props<string>, 'text' | 'withText' | 'create' | 'itemKey'>,
) {
  return (
    <ListField<string>
      {...props}
      text={(item) => item}
      withText={(_item, text) => text}
      create={(text) => text}
      itemKey={(_item, index) => String(index)}
    />
  )
}
