import type * as Y from 'yjs'
import { journeyToDoc } from '../doc/write-journey.js'
import type { Journey } from '../entities/journey.js'
import { invalid } from '../mutations/invalid-input-error.js'
import { enterpriseDemandGeneration } from './enterprise-demand-generation.js'
import { learningNetwork } from './learning-network.js'
import { onboardingToAdvocacy } from './onboarding-to-advocacy.js'
import { buildJourney, type JourneySpec } from './template-builder.js'

export interface JourneyTemplate {
  id: string
  name: string
  description: string
  /** Health rules this template triggers on purpose, to show the pattern. */
  intendedFindings: readonly string[]
  /** A fresh journey with new ids every time. */
  build(title?: string): Journey
}

function template(
  id: string,
  spec: JourneySpec,
  intendedFindings: readonly string[] = [],
): JourneyTemplate {
  return {
    id,
    name: spec.title,
    description: spec.description,
    intendedFindings,
    build: (title) => buildJourney(spec, title),
  }
}

/** Starter journeys for B2B demand generation. */
export const TEMPLATES: readonly JourneyTemplate[] = [
  template('enterprise-demand-generation', enterpriseDemandGeneration),
  template('learning-network', learningNetwork),
  template('onboarding-to-advocacy', onboardingToAdvocacy, ['emotional-drop']),
]

/** A new doc from a template (with `title` instead of the template's name if given). */
export function createJourneyFromTemplate(id: string, title?: string): Y.Doc {
  const found = TEMPLATES.find((t) => t.id === id)
  if (!found) throw invalid('template', `no template with id "${id}"`)
  return journeyToDoc(found.build(title?.trim() || undefined))
}
