import { z } from 'zod'
import { CHANNEL_IDS, PERSONA_ROLE_IDS } from '../constants.js'
import { ColorSchema, IdSchema, listOf, NameSchema, TextSchema } from './fields.js'

/** A member of the buying group. */
export const PersonaSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  role: z.enum(PERSONA_ROLE_IDS),
  description: TextSchema,
  goals: listOf(NameSchema),
  jobsToBeDone: listOf(NameSchema),
  /** What keeps them up at night. */
  pains: listOf(NameSchema),
  preferredChannels: listOf(z.enum(CHANNEL_IDS)),
  informationSources: listOf(NameSchema),
  color: ColorSchema,
})

export type Persona = z.infer<typeof PersonaSchema>

export const PERSONA_COLORS = [
  '#2f6fdf',
  '#d9534f',
  '#2e9e6b',
  '#b7791f',
  '#7b4fd6',
  '#d6336c',
  '#0f8b8d',
  '#5c6b7a',
] as const

export function personaDefaults(id: string): Persona {
  return {
    id,
    name: 'Persona',
    role: 'evaluator',
    description: '',
    goals: [],
    jobsToBeDone: [],
    pains: [],
    preferredChannels: [],
    informationSources: [],
    color: PERSONA_COLORS[0],
  }
}
