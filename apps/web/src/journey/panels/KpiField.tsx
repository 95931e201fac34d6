import type { Kpi } from '@touchline/model'
import { CloseIcon } from '../chrome/icons'
import { AddItemRow } from './AddItemRow'
import { TextField } from './TextField'

interface Props {
  kpis: readonly Kpi[]
  onChange: (kpis: Kpi[]) => void
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const value = Number(trimmed.replace(',', '.'))
  return Number.isFinite(value) ? value : null
}

function NumberField({
  label,
  value,
  onCommit,
}: {
  label: string
  value: number | null
  onCommit: (value: number | null) => void
}) {
  return (
    <TextField
      label={label}
      value={value === null ? '' : String(value)}
      placeholder="–"
      onCommit={(text) => {
        const parsed = parseNumber(text)
        if (parsed !== null || text.trim() === '') onCommit(parsed)
      }}
    />
  )
}

/** KPIs as small cards: name, target, actual and unit, with progress when both are known. */
export function KpiField({ kpis, onChange }: Props) {
  const edit = (index: number, patch: Partial<Kpi>) =>
    onChange(kpis.map((kpi, i) => (i === index ? { ...kpi, ...patch } : kpi)))
  return (
    <div className="field kpi-field">
      <span className="field-label">
        KPIs
        {kpis.length > 0 ? <span className="field-count">{kpis.length}</span> : null}
      </span>
      {kpis.map((kpi, index) => {
        const progress =
          kpi.target !== null && kpi.actual !== null && kpi.target !== 0
            ? Math.max(0, Math.min(1, kpi.actual / kpi.target))
            : null
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: KPIs have no id; position is their identity.
          <div className="kpi-card" key={index}>
            <div className="kpi-card-head">
              <TextField
                label="KPI name"
                hideLabel
                required
                value={kpi.name}
                onCommit={(name) => edit(index, { name })}
              />
              <button
                type="button"
                className="tl-icon-button edit-only"
                aria-label={`Remove KPI ${kpi.name}`}
                onClick={() => onChange(kpis.filter((_, i) => i !== index))}
              >
                <CloseIcon size={14} />
              </button>
            </div>
            <div className="kpi-numbers">
              <NumberField
                label="Target"
                value={kpi.target}
                onCommit={(target) => edit(index, { target })}
              />
              <NumberField
                label="Actual"
                value={kpi.actual}
                onCommit={(actual) => edit(index, { actual })}
              />
              <TextField
                label="Unit"
                value={kpi.unit}
                placeholder="%"
                onCommit={(unit) => edit(index, { unit })}
              />
            </div>
            {progress !== null ? (
              <div className="kpi-progress" title={`${Math.round(progress * 100)}% of target`}>
                <span style={{ width: `${progress * 100}%` }} />
              </div>
            ) : null}
          </div>
        )
      })}
      <AddItemRow
        placeholder="Add a KPI, e.g. Demo requests"
        label="Add a KPI"
        onAdd={(name) => onChange([...kpis, { name, target: null, actual: null, unit: '' }])}
      />
    </div>
  )
}
