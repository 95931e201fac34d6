import { useId } from 'react'
import { useCanEdit } from '../store/editor-context'

interface Props<T extends string> {
  label: string
  value: T
  options: readonly { id: T; label: string }[]
  onChange: (value: T) => void
  testId?: string
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: Props<T>) {
  const id = useId()
  const canEdit = useCanEdit()
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="tl-input"
        value={value}
        disabled={!canEdit}
        data-testid={testId}
        onChange={(event) => {
          const next = options.find((option) => option.id === event.target.value)
          if (next) onChange(next.id)
        }}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
