import { type SuccessMetric, summarizeJourney } from '@touchline/model'
import { useActions, useJourneyState } from '../store/editor-context'
import { ListField, StringListField } from './ListField'
import { TextField } from './TextField'

/** The journey itself: what it is for and how success is measured; shown when nothing is selected. */
export function JourneyInspector() {
  const actions = useActions()
  const journey = useJourneyState((state) => state.journey)
  const summary = summarizeJourney(journey)
  return (
    <div className="inspector-body">
      <header className="inspector-heading">
        <span className="inspector-kind">Journey</span>
      </header>
      <dl className="journey-summary">
        <div>
          <dt>Stages</dt>
          <dd>{summary.stages}</dd>
        </div>
        <div>
          <dt>Touchpoints</dt>
          <dd>{summary.touchpoints}</dd>
        </div>
        <div>
          <dt>Connections</dt>
          <dd>{summary.connections}</dd>
        </div>
        <div>
          <dt>Personas</dt>
          <dd>{summary.personas}</dd>
        </div>
      </dl>
      <TextField
        label="Title"
        value={journey.title}
        required
        onCommit={(title) => actions.updateJourney({ title })}
      />
      <TextField
        label="Goal"
        value={journey.goal}
        multiline
        placeholder="Who we are today → who we want to be in the buyer’s mind"
        testId="journey-goal"
        onCommit={(goal) => actions.updateJourney({ goal })}
      />
      <TextField
        label="Description"
        value={journey.description}
        multiline
        onCommit={(description) => actions.updateJourney({ description })}
      />
      <ListField<SuccessMetric>
        label="Success metrics"
        items={journey.metrics}
        text={(metric) => metric.name}
        withText={(metric, name) => ({ ...metric, name })}
        create={(name) => ({ name, target: '' })}
        itemKey={(_metric, index) => String(index)}
        placeholder="Add a metric, e.g. Sales-qualified leads"
        onChange={(metrics) => actions.updateJourney({ metrics })}
        testId="success-metrics"
      />
      {journey.metrics.length > 0 ? (
        <div className="metric-targets">
          {journey.metrics.map((metric, index) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: metrics have no id; position is their identity.
              key={index}
              label={`Target: ${metric.name}`}
              value={metric.target}
              placeholder="e.g. 120 per quarter"
              onCommit={(target) =>
                actions.updateJourney({
                  metrics: journey.metrics.map((m, i) => (i === index ? { ...m, target } : m)),
                })
              }
            />
          ))}
        </div>
      ) : null}
      <TextField
        label="Owner team"
        value={journey.ownerTeam}
        placeholder="e.g. Demand generation EMEA"
        onCommit={(ownerTeam) => actions.updateJourney({ ownerTeam })}
      />
      <StringListField
        label="Tags"
        items={journey.tags}
        placeholder="Add a tag"
        onChange={(tags) => actions.updateJourney({ tags })}
      />
    </div>
  )
}
