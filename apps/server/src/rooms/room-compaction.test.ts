import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createRegistry, editTurnByTurn, seedJourney, TestPeer } from '../../test/support/rooms.js'
import { removeTempDirs, tempDataDir } from '../../test/support/server.js'
import { requirePostgres, TEST_DATABASE_URL } from '../../test/support/services.js'
import type { JourneyStore, PreparedSnapshot } from '../storage/journey-store.js'
import { PostgresJourneyStore } from '../storage/postgres-store.js'
import { SqliteJourneyStore } from '../storage/sqlite-store.js'
import { docFromStored } from '../storage/stored-doc.js'

/**
 * Joins one editor to journey `j` over `store` with a compaction bound of 3, makes eight
 * edits (one stored write each) and waits for everything to be stored, returning the
 * snapshots the room offered each compaction and the room's document.
 */
async function editPastTheBound(store: JourneyStore) {
  const compact = vi.spyOn(store, 'compact')
  await seedJourney(store, 'j')
  const registry = createRegistry(store, { compactionThreshold: 3 })
  const peer = new TestPeer('p')
  const room = registry.join('j', peer)
  await room.loaded
  room.receive(peer, peer.syncStep1())
  await editTurnByTurn(room, peer, 8)
  await room.settled()
  const offered = compact.mock.calls.map(([, prepared]) => prepared)
  const live = Y.encodeStateAsUpdate(room.doc)
  await registry.close()
  return { offered, live }
}

afterAll(removeTempDirs)

describe('Room compaction after a write', () => {
  it('hands a store only this process writes a snapshot of its own document', async () => {
    const store = await SqliteJourneyStore.open(tempDataDir())
    try {
      const { offered, live } = await editPastTheBound(store)
      expect(offered.length).toBeGreaterThan(0)
      for (const prepared of offered) {
        expect(prepared).toEqual({ snapshot: expect.any(Uint8Array), through: expect.any(Number) })
      }
      const last = offered.at(-1) as PreparedSnapshot
      const stored = await store.load('j')
      if (!stored) throw new Error('journey lost')
      // What the room handed over is what was stored, and it left only later edits: fewer
      // than the eight made, however the writes and the compactions interleaved.
      expect(new Uint8Array(stored.snapshot ?? [])).toEqual(last.snapshot)
      expect(stored.updates.length).toBeLessThan(8)
      expect(stored.through).toBeGreaterThanOrEqual(last.through)
      expect(Y.encodeStateAsUpdate(docFromStored(stored))).toEqual(live)
    } finally {
      await store.close()
    }
  })

  describe('over PostgreSQL, which other instances write too', () => {
    const schema = `touchline_test_${randomBytes(6).toString('hex')}`
    beforeAll(requirePostgres)
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await admin.end()
    })

    it('leaves the snapshot to the store, to rebuild from what it holds', async () => {
      const store = await PostgresJourneyStore.open(TEST_DATABASE_URL, { schema })
      try {
        const { offered, live } = await editPastTheBound(store)
        expect(offered.length).toBeGreaterThan(0)
        expect(offered.every((prepared) => prepared === undefined)).toBe(true)
        const stored = await store.load('j')
        if (!stored) throw new Error('journey lost')
        expect(stored.snapshot).not.toBeNull()
        expect(Y.encodeStateAsUpdate(docFromStored(stored))).toEqual(live)
      } finally {
        await store.close()
      }
    })
  })
})
