import { CONNECTION_KINDS, type Connection } from '@touchline/model'
import { TrashIcon } from '../chrome/icons'
import { useActions, useCanEdit, useJourneyState } from '../store/editor-context'
import { TextField } from './TextField'

const KIND_HINTS: Record<Connection['kind'], string> = {
  next: 'The journey moves on to the next step.',
  nurture: 'A continual-engagement loop that keeps fostering the relationship.',
  handoff: 'Responsibility passes between owners, e.g. marketing to sales.',
  escalation: 'The buyer is taken to someone more senior or specialised.',
}

/** A connection's kind, wording and, for nurture loops, how often it runs and what ends it. */
export function ConnectionInspector({ connection }: { connection: Connection }) {
  const actions = useActions()
  const canEdit = useCanEdit()
  const touchpoints = useJourneyState((state) => state.journey.touchpoints)
  const title = (id: string) => touchpoints.find((tp) => tp.id === id)?.title ?? 'Touchpoint'
  const update = (patch: Parameters<typeof actions.updateConnection>[1]) =>
    actions.updateConnection(connection.id, patch)

  return (
    <div className="inspector-body" key={connection.id}>
      <header className="inspector-heading">
        <span className="inspector-kind">Connection</span>
        <div className="inspector-heading-actions">
          <button
            type="button"
            className="tl-icon-button danger-hover edit-only"
            aria-label="Delete connection"
            title="Delete (Delete)"
            onClick={() => actions.deleteSelection()}
          >
            <TrashIcon size={16} />
          </button>
        </div>
      </header>
      <p className="connection-ends">
        <strong>{title(connection.source)}</strong>
        <span aria-hidden="true"> → </span>
        <strong>{title(connection.target)}</strong>
        <button
          type="button"
          className="link-button edit-only"
          onClick={() => update({ source: connection.target, target: connection.source })}
        >
          Reverse
        </button>
      </p>
      <div className="field">
        <span className="field-label">Kind</span>
        <div className="segmented kind-picker" role="radiogroup" aria-label="Connection kind">
          {CONNECTION_KINDS.map((kind) => (
            // biome-ignore lint/a11y/useSemanticElements: segmented buttons styled as one control.
            <button
              key={kind.id}
              type="button"
              role="radio"
              aria-checked={connection.kind === kind.id}
              disabled={!canEdit}
              className={`kind-${kind.id}${connection.kind === kind.id ? ' is-active' : ''}`}
              onClick={() => update({ kind: kind.id })}
            >
              <span className="kind-swatch" aria-hidden="true" />
              {kind.label}
            </button>
          ))}
        </div>
        <span className="field-hint">{KIND_HINTS[connection.kind]}</span>
      </div>
      {connection.kind === 'nurture' ? (
        <>
          <TextField
            label="Cadence"
            value={connection.cadence}
            placeholder="e.g. every 2 weeks"
            onCommit={(cadence) => update({ cadence })}
          />
          <TextField
            label="Exit criteria"
            value={connection.exitCriteria}
            placeholder="e.g. requests a demo"
            onCommit={(exitCriteria) => update({ exitCriteria })}
          />
        </>
      ) : null}
      <TextField label="Label" value={connection.label} onCommit={(label) => update({ label })} />
      <TextField
        label="Condition"
        value={connection.condition}
        placeholder="e.g. lead score ≥ 60"
        onCommit={(condition) => update({ condition })}
      />
    </div>
  )
}
