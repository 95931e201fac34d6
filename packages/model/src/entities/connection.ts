import { z } from 'zod'
import { CONNECTION_KIND_IDS } from '../constants.js'
import { IdSchema, TextSchema } from './fields.js'

/** A directed step from one touchpoint to another. */
export const ConnectionSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  kind: z.enum(CONNECTION_KIND_IDS),
  label: TextSchema,
  /** When the buyer takes this step, e.g. "lead score >= 60". */
  condition: TextSchema,
  /** For `nurture` loops: how often, e.g. "every 2 weeks". Empty for other kinds. */
  cadence: TextSchema,
  /** For `nurture` loops: what takes the buyer out of the loop, e.g. "requests a demo". */
  exitCriteria: TextSchema,
})

export type Connection = z.infer<typeof ConnectionSchema>

export function connectionDefaults(id: string, source: string, target: string): Connection {
  return {
    id,
    source,
    target,
    kind: 'next',
    label: '',
    condition: '',
    cadence: '',
    exitCriteria: '',
  }
}
