import { describe, expect, it } from 'vitest'
import { FORMAT } from '../constants.js'
import { JSON_MIGRATIONS, type JsonMigration, migrate } from './migrate.js'

describe('migrate', () => {
  it('leaves a current-version file as it is', () => {
    const file = { format: FORMAT, version: 2, journey: {} }
    expect(migrate(file)).toEqual({ ok: true, value: file, from: 2 })
    expect(Object.keys(JSON_MIGRATIONS)).toEqual(['1'])
  })

  it('runs the chain step by step from the file version up to the target, purely', () => {
    const chain: Record<number, JsonMigration> = {
      1: (f) => ({ ...f, journey: { ...(f.journey as object), stagesRenamed: true } }),
      2: (f) => ({ ...f, journey: { ...(f.journey as object), tags: ['v3'] } }),
    }
    const v1 = Object.freeze({ format: FORMAT, version: 1, journey: Object.freeze({}) })
    expect(migrate(v1, chain, 3)).toEqual({
      ok: true,
      from: 1,
      value: { format: FORMAT, version: 3, journey: { stagesRenamed: true, tags: ['v3'] } },
    })
    const v2 = { format: FORMAT, version: 2, journey: {} }
    expect(migrate(v2, chain, 3)).toMatchObject({
      ok: true,
      from: 2,
      value: { version: 3, journey: { tags: ['v3'] } },
    })
  })

  it('says so when a step of the chain is missing', () => {
    expect(migrate({ format: FORMAT, version: 1 }, {}, 2)).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'no migration from format version 1' }],
    })
  })

  it('refuses an unknown future version with a clear message', () => {
    expect(migrate({ format: FORMAT, version: 3 })).toEqual({
      ok: false,
      issues: [
        {
          path: 'version',
          message:
            'this file was written by a newer Touchline (format version 3); this version reads up to version 2',
        },
      ],
    })
  })

  it('refuses what is not a journey file', () => {
    expect(migrate(null)).toMatchObject({ ok: false, issues: [{ path: '' }] })
    expect(migrate({ format: 'x', version: 1 })).toMatchObject({
      ok: false,
      issues: [{ path: 'format' }],
    })
    expect(migrate({ format: FORMAT, version: 0 })).toMatchObject({
      ok: false,
      issues: [{ path: 'version' }],
    })
    expect(migrate({ format: FORMAT, version: 1.5 })).toMatchObject({
      ok: false,
      issues: [{ path: 'version' }],
    })
  })
})
