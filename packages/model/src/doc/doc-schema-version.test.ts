import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createJourneyDoc } from './create-journey-doc.js'
import { docSchemaVersion, migrateDoc } from './doc-schema-version.js'
import { metaMap } from './layout.js'

describe('docSchemaVersion and migrateDoc', () => {
  it('reads the version of a new journey', () => {
    const doc = createJourneyDoc({ title: 'A' })
    expect(docSchemaVersion(doc)).toBe(1)
    expect(migrateDoc(doc)).toEqual({ ok: true, from: 1, to: 1 })
  })

  it('leaves an empty doc (a room not yet synced) untouched', () => {
    const doc = new Y.Doc()
    expect(docSchemaVersion(doc)).toBeNull()
    expect(migrateDoc(doc)).toEqual({ ok: true, from: null, to: null })
    expect(metaMap(doc).size).toBe(0)
  })

  it('stamps a doc with content but no version as version 1', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('title', 'Old')
    expect(migrateDoc(doc)).toEqual({ ok: true, from: null, to: 1 })
    expect(docSchemaVersion(doc)).toBe(1)
  })

  it('runs doc migrations in one transaction with the given origin', () => {
    const doc = createJourneyDoc({ title: 'A' })
    const origins: unknown[] = []
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
    const result = migrateDoc(doc, 'server', { 1: (d) => metaMap(d).set('goal', 'migrated') }, 2)
    expect(result).toEqual({ ok: true, from: 1, to: 2 })
    expect(metaMap(doc).get('goal')).toBe('migrated')
    expect(docSchemaVersion(doc)).toBe(2)
    expect(origins).toEqual(['server'])
  })

  it('refuses a doc from a newer version and changes nothing', () => {
    const doc = createJourneyDoc({ title: 'A' })
    metaMap(doc).set('schemaVersion', 5)
    const before = Y.encodeStateAsUpdate(doc)
    const result = migrateDoc(doc)
    expect(result.ok).toBe(false)
    expect(result).toMatchObject({ from: 5 })
    if (!result.ok) expect(result.message).toMatch(/newer Touchline \(layout version 5\)/)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
