import {
  CHANNELS,
  CONFIDENCE_LEVELS,
  CONTENT_TYPES,
  type Content,
  createItem,
  type Item,
  type ItemList as ItemListName,
  type Touchpoint,
} from '@touchline/model'
import type { CSSProperties } from 'react'
import { CardCommentsButton } from '../../review/comments/CardCommentsButton'
import { ItemReview } from '../../review/ItemReview'
import { PriorityNote } from '../../review/votes/PriorityNote'
import { ChannelIcon } from '../canvas/channel-icons'
import { CopyIcon, TrashIcon } from '../chrome/icons'
import { useActions, useCanEdit, useJourneyState } from '../store/editor-context'
import { EmotionControl } from './EmotionControl'
import { EvidenceField } from './EvidenceField'
import { KpiField } from './KpiField'
import { ListField } from './ListField'
import { SelectField } from './SelectField'
import { TextField } from './TextField'
import { ToggleField } from './ToggleField'
import { urlProblem } from './url'

const NO_CONTENT: Content = { type: 'white-paper', title: '', url: '' }

function ItemList({
  label,
  touchpointId,
  list,
  items,
  placeholder,
  onChange,
  testId,
}: {
  label: string
  touchpointId: string
  list: ItemListName
  items: readonly Item[]
  placeholder: string
  onChange: (items: Item[]) => void
  testId: string
}) {
  return (
    <ListField<Item>
      label={label}
      items={items}
      text={(item) => item.text}
      withText={(item, text) => ({ ...item, text })}
      create={createItem}
      itemKey={(item) => item.id}
      placeholder={placeholder}
      onChange={onChange}
      aside={(item) => <ItemReview touchpointId={touchpointId} list={list} item={item} />}
      testId={testId}
    />
  )
}

/** Every field of one touchpoint, grouped the way a workshop talks about a step. */
export function TouchpointInspector({ touchpoint }: { touchpoint: Touchpoint }) {
  const actions = useActions()
  const canEdit = useCanEdit()
  const stages = useJourneyState((state) => state.journey.stages)
  const personas = useJourneyState((state) => state.journey.personas)
  const update = (patch: Parameters<typeof actions.updateTouchpoint>[1]) =>
    actions.updateTouchpoint(touchpoint.id, patch)
  const content = touchpoint.content
  const served = new Set(touchpoint.personaIds)
  const orderedPersonas = [
    ...personas.filter((p) => served.has(p.id)),
    ...personas.filter((p) => !served.has(p.id)),
  ]

  return (
    <div className="inspector-body" key={touchpoint.id}>
      <header className="inspector-heading">
        <span className="inspector-kind">
          <ChannelIcon channel={touchpoint.channel} size={14} /> Touchpoint
        </span>
        <div className="inspector-heading-actions">
          <CardCommentsButton touchpointId={touchpoint.id} />
          <button
            type="button"
            className="tl-icon-button edit-only"
            title="Duplicate (Ctrl/⌘+D)"
            aria-label="Duplicate touchpoint"
            onClick={() => actions.duplicateSelection()}
          >
            <CopyIcon size={16} />
          </button>
          <button
            type="button"
            className="tl-icon-button danger-hover edit-only"
            title="Delete (Delete)"
            aria-label="Delete touchpoint"
            data-testid="delete-touchpoint"
            onClick={() => actions.deleteSelection()}
          >
            <TrashIcon size={16} />
          </button>
        </div>
      </header>
      {touchpoint.priority ? <PriorityNote priority={touchpoint.priority} /> : null}

      <TextField
        label="Title"
        value={touchpoint.title}
        required
        testId="touchpoint-title"
        onCommit={(title) => update({ title })}
      />
      <div className="field-row">
        <SelectField
          label="Stage"
          value={touchpoint.stageId}
          options={stages.map((stage) => ({ id: stage.id, label: stage.name }))}
          onChange={(stageId) => update({ stageId })}
        />
        <SelectField
          label="Channel"
          value={touchpoint.channel}
          options={CHANNELS}
          onChange={(channel) => update({ channel })}
        />
      </div>
      <TextField
        label="Owner"
        value={touchpoint.owner}
        placeholder="Who on our side runs it, e.g. Field marketing"
        onCommit={(owner) => update({ owner })}
      />
      <TextField
        label="Description"
        value={touchpoint.description}
        multiline
        onCommit={(description) => update({ description })}
      />

      <section className="inspector-section">
        <h3>Personas and emotion</h3>
        {personas.length === 0 ? (
          <p className="inspector-hint">
            Add personas in the Personas tab to say whom this touchpoint serves and how they feel.
          </p>
        ) : (
          <>
            <fieldset className="plain-fieldset" aria-label="Personas served">
              <div className="persona-toggles">
                {personas.map((persona) => (
                  <button
                    key={persona.id}
                    type="button"
                    aria-pressed={served.has(persona.id)}
                    disabled={!canEdit}
                    className={served.has(persona.id) ? 'persona-toggle is-on' : 'persona-toggle'}
                    style={{ '--persona-color': persona.color } as CSSProperties}
                    onClick={() =>
                      update({
                        personaIds: served.has(persona.id)
                          ? touchpoint.personaIds.filter((id) => id !== persona.id)
                          : [...touchpoint.personaIds, persona.id],
                      })
                    }
                  >
                    {persona.name}
                  </button>
                ))}
              </div>
            </fieldset>
            <div className="emotion-list">
              {orderedPersonas.map((persona) => (
                <EmotionControl
                  key={persona.id}
                  persona={persona}
                  value={touchpoint.emotions[persona.id] ?? null}
                  serves={served.has(persona.id)}
                  onChange={(value) => actions.setEmotion(touchpoint.id, persona.id, value)}
                />
              ))}
            </div>
          </>
        )}
      </section>

      <section className="inspector-section">
        <h3>The customer</h3>
        <TextField
          label="Does"
          value={touchpoint.customerAction}
          placeholder="e.g. Downloads the benchmark report"
          onCommit={(customerAction) => update({ customerAction })}
        />
        <TextField
          label="Thinks"
          value={touchpoint.customerThought}
          placeholder="e.g. “Are we behind our peers?”"
          onCommit={(customerThought) => update({ customerThought })}
        />
        <TextField
          label="Call to action"
          value={touchpoint.callToAction}
          placeholder="What we want them to do next"
          onCommit={(callToAction) => update({ callToAction })}
        />
      </section>

      <section className="inspector-section">
        <h3>Findings</h3>
        <ItemList
          label="Pain points"
          touchpointId={touchpoint.id}
          list="painPoints"
          items={touchpoint.painPoints}
          placeholder="Add a pain point…"
          onChange={(painPoints) => update({ painPoints })}
          testId="pain-points"
        />
        <ItemList
          label="Opportunities"
          touchpointId={touchpoint.id}
          list="opportunities"
          items={touchpoint.opportunities}
          placeholder="Add an opportunity…"
          onChange={(opportunities) => update({ opportunities })}
          testId="opportunities"
        />
        <ToggleField
          label="Moment of truth"
          hint="A step that makes or breaks the relationship"
          checked={touchpoint.momentOfTruth}
          onChange={(momentOfTruth) => update({ momentOfTruth })}
        />
        <ToggleField
          label="Conversion"
          hint="A download, registration or purchase: engagement must continue after it"
          checked={touchpoint.conversion}
          onChange={(conversion) => update({ conversion })}
        />
        <ToggleField
          label="Intended end"
          hint="The journey deliberately ends here (not a dead end)"
          checked={touchpoint.intendedEnd}
          onChange={(intendedEnd) => update({ intendedEnd })}
        />
      </section>

      <section className="inspector-section">
        <h3>Content</h3>
        {content ? (
          <>
            <div className="field-row">
              <SelectField
                label="Type"
                value={content.type}
                options={CONTENT_TYPES}
                onChange={(type) => update({ content: { ...content, type } })}
              />
              <button
                type="button"
                className="link-button field-row-action edit-only"
                onClick={() => update({ content: null })}
              >
                Remove content
              </button>
            </div>
            <TextField
              label="Content title"
              value={content.title}
              onCommit={(title) => update({ content: { ...content, title } })}
            />
            <TextField
              label="Link"
              value={content.url}
              placeholder="https://…"
              validate={urlProblem}
              onCommit={(url) => update({ content: { ...content, url: url.trim() } })}
            />
          </>
        ) : (
          <button
            type="button"
            className="tl-button tl-button--small edit-only"
            onClick={() => update({ content: NO_CONTENT })}
          >
            Add a content asset
          </button>
        )}
      </section>

      <section className="inspector-section">
        <h3>Measurement</h3>
        <KpiField kpis={touchpoint.kpis} onChange={(kpis) => update({ kpis })} />
        <TextField
          label="Campaign tag"
          value={touchpoint.campaignTag}
          placeholder="utm_campaign=…"
          onCommit={(campaignTag) => update({ campaignTag })}
        />
        <SelectField
          label="Confidence"
          value={touchpoint.confidence}
          options={CONFIDENCE_LEVELS}
          onChange={(confidence) => update({ confidence })}
        />
        <EvidenceField
          evidence={touchpoint.evidence}
          onChange={(evidence) => update({ evidence })}
        />
      </section>
    </div>
  )
}
