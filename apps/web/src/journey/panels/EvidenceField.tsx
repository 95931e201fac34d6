import type { Evidence } from '@touchline/model'
import { useState } from 'react'
import { CloseIcon, PlusIcon } from '../chrome/icons'
import { TextField } from './TextField'
import { urlProblem } from './url'

interface Props {
  evidence: readonly Evidence[]
  onChange: (evidence: Evidence[]) => void
}

/** What backs this touchpoint up (interviews, surveys, analytics), each with an optional link. */
export function EvidenceField({ evidence, onChange }: Props) {
  const [draft, setDraft] = useState('')
  const edit = (index: number, patch: Partial<Evidence>) =>
    onChange(evidence.map((item, i) => (i === index ? { ...item, ...patch } : item)))
  const add = () => {
    const label = draft.trim()
    if (!label) return
    onChange([...evidence, { label, url: '' }])
    setDraft('')
  }
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
              className="tl-icon-button"
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
      <div className="list-add">
        <input
          className="tl-input"
          value={draft}
          placeholder="Add evidence (interviews, survey…)"
          aria-label="Add evidence"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add()
          }}
        />
        <button
          type="button"
          className="tl-icon-button"
          aria-label="Add evidence"
          disabled={!draft.trim()}
          onClick={add}
        >
          <PlusIcon size={16} />
        </button>
      </div>
    </div>
  )
}
