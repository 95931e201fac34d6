export type Severity = 'error' | 'warning' | 'info'

export const HEALTH_RULES = [
  {
    id: 'dead-end',
    severity: 'warning',
    title: 'Dead end',
    description: 'A touchpoint with no way forward that is not marked as an intended end.',
  },
  {
    id: 'no-continual-engagement',
    severity: 'warning',
    title: 'No continual engagement',
    description:
      'A conversion, or the last step of a campaign, from which no nurture loop can be reached.',
  },
  {
    id: 'emotional-drop',
    severity: 'warning',
    title: 'Delight then drop',
    description:
      'A persona’s emotion rises, then falls by 3 or more points at the next touchpoint.',
  },
  {
    id: 'stops-at-purchase',
    severity: 'warning',
    title: 'Stops at purchase',
    description:
      'The journey reaches the purchase stage and nothing happens after it: no onboarding, adoption or renewal.',
  },
  {
    id: 'stage-without-content',
    severity: 'warning',
    title: 'Stage without content',
    description: 'A stage with no content asset fit for buyers at that point.',
  },
  {
    id: 'unserved-persona',
    severity: 'warning',
    title: 'Persona nobody serves',
    description: 'A persona that no touchpoint serves.',
  },
  {
    id: 'missing-owner',
    severity: 'warning',
    title: 'Touchpoints without an owner',
    description: 'Touchpoints nobody on our side is responsible for.',
  },
  {
    id: 'coverage-gap',
    severity: 'info',
    title: 'Coverage gap',
    description: 'A persona served somewhere but not in every stage.',
  },
  {
    id: 'missing-kpis',
    severity: 'info',
    title: 'Touchpoints without KPIs',
    description: 'Touchpoints with no measure of success.',
  },
  {
    id: 'nurture-without-exit',
    severity: 'info',
    title: 'Nurture loop without cadence or exit',
    description: 'A nurture loop that does not say how often it runs or what ends it.',
  },
] as const satisfies readonly {
  id: string
  severity: Severity
  title: string
  description: string
}[]

export type HealthRuleId = (typeof HEALTH_RULES)[number]['id']

export interface Finding {
  rule: HealthRuleId
  severity: Severity
  message: string
  /** Ids of the touchpoints, connections, stages or personas concerned (the first is the focus). */
  targets: string[]
}

const SEVERITY = new Map<HealthRuleId, Severity>(HEALTH_RULES.map((r) => [r.id, r.severity]))

export function finding(rule: HealthRuleId, message: string, targets: string[]): Finding {
  return { rule, severity: SEVERITY.get(rule) ?? 'info', message, targets }
}
