import { describe, expect, it } from 'vitest'
import committed from '../../schema/journey.v2.schema.json' with { type: 'json' }
import { journeyJsonSchema } from './journey-json-schema.js'

describe('the committed JSON Schema', () => {
  it('matches the zod schemas (run `pnpm --filter @touchline/model schema` to refresh)', () => {
    expect(committed).toEqual(journeyJsonSchema())
  })
})
