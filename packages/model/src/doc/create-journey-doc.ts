import * as Y from 'yjs'
import { DEFAULT_STAGES, ID_PREFIXES } from '../constants.js'
import { createId } from '../create-id.js'
import { journeyMetaDefaults } from '../entities/journey.js'
import { writeJourney } from './write-journey.js'

export interface CreateJourneyOptions {
  title?: string
  description?: string
  goal?: string
}

/** A blank journey with the default B2B demand-generation stages and no personas yet. */
export function createJourneyDoc(options: CreateJourneyOptions = {}): Y.Doc {
  const doc = new Y.Doc()
  const title = options.title?.trim() || 'Untitled journey'
  writeJourney(doc, {
    ...journeyMetaDefaults(title),
    description: options.description ?? '',
    goal: options.goal ?? '',
    personas: [],
    stages: DEFAULT_STAGES.map((name, index) => ({
      id: createId(ID_PREFIXES.stage),
      name,
      description: '',
      order: index + 1,
    })),
    touchpoints: [],
    connections: [],
  })
  return doc
}
