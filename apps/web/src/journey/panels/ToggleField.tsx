import { useCanEdit } from '../store/editor-context'

interface Props {
  label: string
  hint: string
  checked: boolean
  onChange: (checked: boolean) => void
}

/** A yes/no property with a line saying what it means for the journey. */
export function ToggleField({ label, hint, checked, onChange }: Props) {
  const canEdit = useCanEdit()
  return (
    <label className="toggle-field">
      <input
        type="checkbox"
        checked={checked}
        disabled={!canEdit}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="toggle-track" aria-hidden="true" />
      <span className="toggle-text">
        <strong>{label}</strong>
        <span>{hint}</span>
      </span>
    </label>
  )
}
