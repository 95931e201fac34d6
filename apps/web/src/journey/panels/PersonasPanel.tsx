import { CHANNELS, PERSONA_COLORS, PERSONA_ROLES, type Persona } from '@touchline/model'
import { type CSSProperties, useState } from 'react'
import { initials } from '../../collab/identity'
import { ConfirmDialog } from '../chrome/ConfirmDialog'
import { PlusIcon, TrashIcon } from '../chrome/icons'
import { useActions, useCanEdit, useJourneyState } from '../store/editor-context'
import { StringListField } from './ListField'
import { SelectField } from './SelectField'
import { TextField } from './TextField'

const ROLE_LABELS = new Map<string, string>(PERSONA_ROLES.map((role) => [role.id, role.label]))

function PersonaEditor({ persona }: { persona: Persona }) {
  const actions = useActions()
  const canEdit = useCanEdit()
  const update = (patch: Parameters<typeof actions.updatePersona>[1]) =>
    actions.updatePersona(persona.id, patch)
  const preferred = new Set(persona.preferredChannels)
  return (
    <div className="persona-editor">
      <TextField
        label="Name"
        value={persona.name}
        required
        testId="persona-name"
        onCommit={(name) => update({ name })}
      />
      <SelectField
        label="Role in the buying group"
        value={persona.role}
        options={PERSONA_ROLES}
        onChange={(role) => update({ role })}
      />
      <div className="field">
        <span className="field-label">Colour</span>
        <div className="color-swatches" role="radiogroup" aria-label="Persona colour">
          {PERSONA_COLORS.map((color) => (
            // biome-ignore lint/a11y/useSemanticElements: colour swatches are buttons styled as a palette.
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={persona.color.toLowerCase() === color.toLowerCase()}
              aria-label={color}
              className="color-swatch"
              disabled={!canEdit}
              style={{ background: color }}
              onClick={() => update({ color })}
            />
          ))}
          <input
            type="color"
            className="color-input"
            aria-label="Custom colour"
            disabled={!canEdit}
            value={persona.color}
            onChange={(event) => update({ color: event.target.value })}
          />
        </div>
      </div>
      <TextField
        label="Description"
        value={persona.description}
        multiline
        onCommit={(description) => update({ description })}
      />
      <StringListField
        label="Goals"
        items={persona.goals}
        placeholder="Add a goal"
        onChange={(goals) => update({ goals })}
      />
      <StringListField
        label="Jobs to be done"
        items={persona.jobsToBeDone}
        placeholder="Add a job to be done"
        onChange={(jobsToBeDone) => update({ jobsToBeDone })}
      />
      <StringListField
        label="Pains (what keeps them up at night)"
        items={persona.pains}
        placeholder="Add a pain"
        onChange={(pains) => update({ pains })}
      />
      <div className="field">
        <span className="field-label">Preferred channels</span>
        <div className="channel-toggles">
          {CHANNELS.map((channel) => (
            <button
              key={channel.id}
              type="button"
              aria-pressed={preferred.has(channel.id)}
              disabled={!canEdit}
              className={preferred.has(channel.id) ? 'chip-toggle is-on' : 'chip-toggle'}
              onClick={() =>
                update({
                  preferredChannels: preferred.has(channel.id)
                    ? persona.preferredChannels.filter((id) => id !== channel.id)
                    : [...persona.preferredChannels, channel.id],
                })
              }
            >
              {channel.label}
            </button>
          ))}
        </div>
      </div>
      <StringListField
        label="Information sources"
        items={persona.informationSources}
        placeholder="e.g. Gartner, peers on LinkedIn"
        onChange={(informationSources) => update({ informationSources })}
      />
    </div>
  )
}

/** The buying group: add, edit, colour and remove personas, and pick whose view the map shows. */
export function PersonasPanel() {
  const actions = useActions()
  const personas = useJourneyState((state) => state.journey.personas)
  const touchpoints = useJourneyState((state) => state.journey.touchpoints)
  const personaFilter = useJourneyState((state) => state.personaFilter)
  const [open, setOpen] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Persona | null>(null)
  const served = (id: string) => touchpoints.filter((tp) => tp.personaIds.includes(id)).length

  return (
    <div className="personas-panel" data-testid="personas-panel">
      <div className="panel-intro">
        <p>
          Who is in the buying group. Choose a persona’s view to highlight the touchpoints that
          serve them and draw their emotional curve.
        </p>
        <button
          type="button"
          className="tl-button tl-button--small tl-button--primary edit-only"
          data-testid="add-persona"
          onClick={() => {
            const id = actions.addPersona()
            if (id) setOpen(id)
          }}
        >
          <PlusIcon size={15} /> Persona
        </button>
      </div>
      {personas.length === 0 ? (
        <div className="panel-empty">
          <strong>No personas yet</strong>
          <span>
            B2B purchases involve several people: a decision-maker, evaluators, users, a champion.
            Add each one to see the journey through their eyes.
          </span>
        </div>
      ) : null}
      <button
        type="button"
        className={personaFilter === null ? 'persona-view-all is-active' : 'persona-view-all'}
        onClick={() => actions.setPersonaFilter(null)}
        hidden={personas.length === 0}
      >
        Everyone’s view {personaFilter === null ? '(showing)' : ''}
      </button>
      <ul className="persona-list">
        {personas.map((persona) => {
          const isOpen = open === persona.id
          const viewing = personaFilter === persona.id
          return (
            <li
              key={persona.id}
              className={`persona-item${isOpen ? ' is-open' : ''}${viewing ? ' is-viewing' : ''}`}
              style={{ '--persona-color': persona.color } as CSSProperties}
              data-testid="persona-item"
              data-id={persona.id}
            >
              <div className="persona-item-head">
                <button
                  type="button"
                  className="persona-item-toggle"
                  aria-expanded={isOpen}
                  onClick={() => setOpen(isOpen ? null : persona.id)}
                >
                  <span className="persona-avatar">{initials(persona.name)}</span>
                  <span className="persona-item-text">
                    <strong>{persona.name}</strong>
                    <span>
                      {ROLE_LABELS.get(persona.role)} · {served(persona.id)} touchpoint
                      {served(persona.id) === 1 ? '' : 's'}
                    </span>
                  </span>
                </button>
                <button
                  type="button"
                  className={viewing ? 'view-button is-active' : 'view-button'}
                  aria-pressed={viewing}
                  title={viewing ? 'Show everyone' : `See the journey as ${persona.name}`}
                  onClick={() => actions.setPersonaFilter(viewing ? null : persona.id)}
                >
                  {viewing ? 'Viewing' : 'View'}
                </button>
                <button
                  type="button"
                  className="tl-icon-button danger-hover edit-only"
                  aria-label={`Delete ${persona.name}`}
                  onClick={() => setRemoving(persona)}
                >
                  <TrashIcon size={15} />
                </button>
              </div>
              {isOpen ? <PersonaEditor persona={persona} /> : null}
            </li>
          )
        })}
      </ul>
      {removing ? (
        <ConfirmDialog
          title={`Delete the persona “${removing.name}”?`}
          confirmLabel="Delete persona"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            actions.removePersona(removing.id)
            setRemoving(null)
          }}
        >
          <p>
            {served(removing.id) === 0
              ? 'No touchpoint serves this persona.'
              : `${served(removing.id)} touchpoint${served(removing.id) === 1 ? '' : 's'} stop serving this persona, and its emotion scores are removed.`}{' '}
            You can undo this.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
