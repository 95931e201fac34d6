import type { Evidence } from '@touchline/model'
import { CloseIcon } from '../chrome/icons'
import { AddItemRow } from './AddItemRow'
import { TextField } from './TextField'
import { urlProblem } from './url'

interface Props {
  evidence: readonly Evidence[]
  onChange: (evidence: Evidence[]) => void
}

/** What backs this touchpoint up (interviews, surveys, analytics), each with an optional link. */
export function EvidenceField({ evidence, onChange }: Props) {
  const edit = (index: number, patch: Partial<Evidence>) =>
    onChange(evidence.map((item, i) => (i === index ? { ...item, ...patch } : item)))
  return (
    <div className="field kpi-field">
      <span className="field-label">
        Evidence
        {evidence.length > 0 ? <span className="field-count">{evidence.length}</span> : null}
      </span>
      {evidence.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id; position is its identity.
        <div className="kpi-card" key={index}>
          <div className="kpi-card-head">
            <TextField
              label="Evidence"
              hideLabel
              required
              value={item.label}
              onCommit={(label) => edit(index, { label })}
            />
            <button
              type="button"
              className="tl-icon-button edit-only"
              aria-label={`Remove evidence ${item.label}`}
              onClick={() => onChange(evidence.filter((_, i) => i !== index))}
            >
              <CloseIcon size={14} />
            </button>
          </div>
          <TextField
            label="Link"
            value={item.url}
            placeholder="https://…"
            validate={urlProblem}
            onCommit={(url) => edit(index, { url: url.trim() })}
          />
        </div>
      ))}
      <AddItemRow
        placeholder="Add evidence (interviews, survey…)"
        label="Add evidence"
        onAdd={(label) => onChange([...evidence, { label, url: '' }])}
      />
    </div>
  )
}
