import { describe, expect, it } from 'vitest'
import { createId } from './create-id.js'
import { IdSchema } from './entities/fields.js'

describe('createId', () => {
  it('makes valid, prefixed, unique ids that sort in creation order', () => {
    const ids = Array.from({ length: 10_000 }, () => createId('tp'))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^tp_[0-9a-z]{22}$/)
      expect(IdSchema.safeParse(id).success).toBe(true)
    }
    expect([...ids].sort()).toEqual(ids)
    const earlier = createId('x')
    const later = `x_${(Date.now() + 1000).toString(36).padStart(9, '0')}`
    expect(earlier < later).toBe(true)
  })
})
