import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createJourneyDoc } from './create-journey-doc.js'
import { DOC_MIGRATIONS, docSchemaVersion, migrateDoc } from './doc-schema-version.js'
import { collectionMap, metaMap } from './layout.js'
import { readJourney } from './read-journey.js'

/** A doc as layout version 1 left it: comments and votes in the journey, no priorities. */
function versionOneDoc(): Y.Doc {
  const doc = createJourneyDoc({ title: 'Old' })
  metaMap(doc).set('schemaVersion', 1)
  const comment = new Y.Map<unknown>(Object.entries({ id: 'cm_1', author: 'Ada', body: 'Hi' }))
  collectionMap(doc, 'comments').set('cm_1', comment)
  collectionMap(doc, 'votes').set('vo_1', new Y.Map<unknown>([['voter', 'Ada']]))
  return doc
}

describe('docSchemaVersion and migrateDoc', () => {
  it('reads the version of a new journey', () => {
    const doc = createJourneyDoc({ title: 'A' })
    expect(docSchemaVersion(doc)).toBe(2)
    expect(migrateDoc(doc)).toEqual({ ok: true, from: 2, to: 2 })
  })

  it('leaves an empty doc (a room not yet synced) untouched', () => {
    const doc = new Y.Doc()
    expect(docSchemaVersion(doc)).toBeNull()
    expect(migrateDoc(doc)).toEqual({ ok: true, from: null, to: null })
    expect(metaMap(doc).size).toBe(0)
  })

  it('takes a doc with content but no version for version 1, and migrates it', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('title', 'Old')
    expect(migrateDoc(doc)).toEqual({ ok: true, from: null, to: 2 })
    expect(docSchemaVersion(doc)).toBe(2)
  })

  it('migrates version 1 to 2 without deleting the legacy comments and votes', () => {
    const doc = versionOneDoc()
    const before = readJourney(doc)
    expect(migrateDoc(doc, 'server')).toEqual({ ok: true, from: 1, to: 2 })
    expect(docSchemaVersion(doc)).toBe(2)
    expect(collectionMap(doc, 'comments').get('cm_1')?.get('body')).toBe('Hi')
    expect(collectionMap(doc, 'votes').size).toBe(1)
    expect(readJourney(doc)).toEqual({ ...before, schemaVersion: 2 })
    expect(Object.keys(DOC_MIGRATIONS)).toEqual(['1'])
  })

  it('counts a doc holding only legacy maps as content', () => {
    const doc = new Y.Doc()
    collectionMap(doc, 'comments').set('cm_1', new Y.Map<unknown>())
    expect(migrateDoc(doc)).toEqual({ ok: true, from: null, to: 2 })
  })

  it('runs doc migrations in one transaction with the given origin', () => {
    const doc = createJourneyDoc({ title: 'A' })
    const origins: unknown[] = []
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
    const result = migrateDoc(doc, 'server', { 2: (d) => metaMap(d).set('goal', 'migrated') }, 3)
    expect(result).toEqual({ ok: true, from: 2, to: 3 })
    expect(metaMap(doc).get('goal')).toBe('migrated')
    expect(docSchemaVersion(doc)).toBe(3)
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
