import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { digestJourneyDoc } from '../../src/storage/journey-digest.js'
import {
  JourneyExistsError,
  JourneyNotFoundError,
  type JourneyStore,
  type NewJourney,
} from '../../src/storage/journey-store.js'
import { docFromStored } from '../../src/storage/stored-doc.js'

export type StoreFactory = {
  open(now: () => number): Promise<JourneyStore>
  /** Reopens the same storage, as after a restart; absent for stores that keep nothing. */
  reopen?: (now: () => number) => Promise<JourneyStore>
}

export function newJourney(id: string, title: string): { journey: NewJourney; doc: Y.Doc } {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', title)
  doc.getMap('stages').set('s1', new Y.Map())
  return { journey: { id, update: Y.encodeStateAsUpdate(doc), ...digestJourneyDoc(doc) }, doc }
}

/** Records every update a document emits, to append them like a room does. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

async function stateOf(store: JourneyStore, id: string): Promise<Uint8Array> {
  const stored = await store.load(id)
  if (!stored) throw new Error(`no journey ${id}`)
  return Y.encodeStateAsUpdate(docFromStored(stored))
}

/** The behaviour every JourneyStore must have, run against each implementation. */
export function describeJourneyStore(name: string, factory: StoreFactory): void {
  describe(`${name} (JourneyStore contract)`, () => {
    let clock = 1_000
    const now = () => clock
    let store: JourneyStore

    beforeEach(async () => {
      clock = 1_000
      store = await factory.open(now)
    })
    afterEach(async () => {
      await store.close()
    })

    it('creates, finds, lists and deletes journeys', async () => {
      await store.create(newJourney('a', 'First').journey)
      clock = 2_000
      await store.create(newJourney('b', 'Second').journey)
      expect(await store.exists('a')).toBe(true)
      expect(await store.exists('zzz')).toBe(false)
      expect(await store.get('a')).toEqual({
        id: 'a',
        title: 'First',
        counts: { personas: 0, stages: 1, touchpoints: 0, connections: 0 },
        createdAt: 1_000,
        updatedAt: 1_000,
      })
      expect((await store.list()).map((j) => j.id)).toEqual(['b', 'a'])
      await expect(store.create(newJourney('a', 'Again').journey)).rejects.toBeInstanceOf(
        JourneyExistsError,
      )
      expect(await store.delete('a')).toBe(true)
      expect(await store.delete('a')).toBe(false)
      expect(await store.load('a')).toBeNull()
      expect(await store.get('a')).toBeNull()
      expect((await store.list()).map((j) => j.id)).toEqual(['b'])
    })

    it('keeps derived documents out of the list and deletes them with their journey', async () => {
      await store.create(newJourney('a', 'Journey').journey)
      await store.create(newJourney('a.review', '').journey)
      await store.create(newJourney('a.private', '').journey)
      await store.create(newJourney('b', 'Other').journey)
      await store.create(newJourney('b.review', '').journey)
      expect((await store.list()).map((j) => j.id).sort()).toEqual(['a', 'b'])
      expect(await store.exists('a.review')).toBe(true)
      expect(await store.load('a.private')).not.toBeNull()
      expect(await store.delete('a')).toBe(true)
      expect(await store.exists('a.review')).toBe(false)
      expect(await store.exists('a.private')).toBe(false)
      expect(await store.exists('b.review')).toBe(true)
      // Derived documents left behind by a crash go with a delete of their journey's id.
      await store.create(newJourney('c.review', '').journey)
      expect(await store.delete('c')).toBe(false)
      expect(await store.exists('c.review')).toBe(false)
    })

    it('appends updates, refreshes the digest and loads snapshot + tail', async () => {
      const { journey, doc } = newJourney('j', 'Draft')
      await store.create(journey)
      const updates = recordUpdates(doc)
      doc.getMap('meta').set('title', 'Final')
      doc.getMap('touchpoints').set('t1', new Y.Map())
      doc.getMap('touchpoints').set('t2', new Y.Map())
      clock = 5_000
      const result = await store.append('j', updates, digestJourneyDoc(doc))
      expect(result.logLength).toBe(4)
      expect(await store.get('j')).toMatchObject({
        title: 'Final',
        counts: { touchpoints: 2 },
        updatedAt: 5_000,
        createdAt: 1_000,
      })
      expect(await stateOf(store, 'j')).toEqual(Y.encodeStateAsUpdate(doc))
    })

    it('commits appends to several journeys issued together, each on its own', async () => {
      const one = newJourney('one', 'One')
      const two = newJourney('two', 'Two')
      await store.create(one.journey)
      await store.create(two.journey)
      const oneUpdates = recordUpdates(one.doc)
      const twoUpdates = recordUpdates(two.doc)
      one.doc.getMap('votes').set('v', 1)
      two.doc.getMap('votes').set('v', 2)
      const results = await Promise.allSettled([
        store.append('one', oneUpdates, digestJourneyDoc(one.doc)),
        store.append('missing', oneUpdates, digestJourneyDoc(one.doc)),
        store.append('two', twoUpdates, digestJourneyDoc(two.doc)),
      ])
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect(results[1]?.status === 'rejected' && results[1].reason).toBeInstanceOf(
        JourneyNotFoundError,
      )
      expect(await stateOf(store, 'one')).toEqual(Y.encodeStateAsUpdate(one.doc))
      expect(await stateOf(store, 'two')).toEqual(Y.encodeStateAsUpdate(two.doc))
    })

    it('refuses appends to unknown journeys', async () => {
      await expect(
        store.append('missing', [new Uint8Array([0, 0])], {
          title: '',
          counts: { personas: 0, stages: 0, touchpoints: 0, connections: 0 },
        }),
      ).rejects.toBeInstanceOf(JourneyNotFoundError)
    })

    it('compacts into one V2 snapshot and an empty log, keeping the state identical', async () => {
      const { journey, doc } = newJourney('c', 'Compact me')
      await store.create(journey)
      const updates = recordUpdates(doc)
      for (let i = 0; i < 50; i++) {
        doc.getMap('touchpoints').set(`t${i % 7}`, new Y.Map())
        if (i % 5 === 0) doc.getMap('touchpoints').delete(`t${i % 3}`)
      }
      await store.append('c', updates.splice(0), digestJourneyDoc(doc))
      const before = await stateOf(store, 'c')
      await store.compact('c')
      const stored = await store.load('c')
      expect(stored?.updates).toEqual([])
      expect(stored?.snapshot).not.toBeNull()
      expect(await stateOf(store, 'c')).toEqual(before)

      doc.getMap('meta').set('title', 'After compaction')
      const { logLength } = await store.append('c', updates.splice(0), digestJourneyDoc(doc))
      expect(logLength).toBe(1)
      expect(await stateOf(store, 'c')).toEqual(Y.encodeStateAsUpdate(doc))
      await store.compact('c')
      await store.compact('c')
      expect(await stateOf(store, 'c')).toEqual(Y.encodeStateAsUpdate(doc))
    })

    it('compacts with a snapshot prepared from a load, keeping later updates', async () => {
      const { journey, doc } = newJourney('p', 'Prepared')
      await store.create(journey)
      const updates = recordUpdates(doc)
      for (let i = 0; i < 10; i++) doc.getMap('touchpoints').set(`t${i}`, i)
      await store.append('p', updates.splice(0), digestJourneyDoc(doc))
      const loaded = await store.load('p')
      if (!loaded) throw new Error('not loaded')
      const prepared = {
        snapshot: Y.encodeStateAsUpdateV2(docFromStored(loaded)),
        through: loaded.through,
      }
      doc.getMap('meta').set('title', 'Edited after the load')
      await store.append('p', updates.splice(0), digestJourneyDoc(doc))
      await store.compact('p', prepared)
      const after = await store.load('p')
      expect(after?.updates).toHaveLength(1)
      expect(await stateOf(store, 'p')).toEqual(Y.encodeStateAsUpdate(doc))
      // A stale one (a compaction has covered more since) is not used.
      await store.compact('p')
      await store.compact('p', prepared)
      expect((await store.load('p'))?.updates).toEqual([])
      expect(await stateOf(store, 'p')).toEqual(Y.encodeStateAsUpdate(doc))
    })

    it('tells where each append ends, so a snapshot up to there drops exactly that', async () => {
      const { journey, doc } = newJourney('e', 'Ends')
      const other = newJourney('o', 'Other')
      await store.create(journey)
      await store.create(other.journey)
      const updates = recordUpdates(doc)
      const otherUpdates = recordUpdates(other.doc)
      doc.getMap('touchpoints').set('t1', 1)
      doc.getMap('touchpoints').set('t2', 2)
      other.doc.getMap('touchpoints').set('x', 1)
      // Committed together: each append's position is its own journey's, not the batch's.
      const [first, otherFirst] = await Promise.all([
        store.append('e', updates.splice(0), digestJourneyDoc(doc)),
        store.append('o', otherUpdates.splice(0), digestJourneyDoc(other.doc)),
      ])
      expect(first.through).toBe((await store.load('e'))?.through)
      expect(otherFirst.through).toBe((await store.load('o'))?.through)
      const covered = Y.encodeStateAsUpdateV2(doc)

      doc.getMap('touchpoints').set('t3', 3)
      const second = await store.append('e', updates.splice(0), digestJourneyDoc(doc))
      expect(second.through).toBeGreaterThan(first.through)
      await store.compact('e', { snapshot: covered, through: first.through })
      const after = await store.load('e')
      expect(after?.updates).toHaveLength(1)
      expect(after?.through).toBe(second.through)
      expect(await stateOf(store, 'e')).toEqual(Y.encodeStateAsUpdate(doc))
      // An append of nothing ends where the log already did.
      expect((await store.append('e', [], digestJourneyDoc(doc))).through).toBe(second.through)
      doc.getMap('touchpoints').set('t4', 4)
      expect((await store.append('e', updates.splice(0), digestJourneyDoc(doc))).logLength).toBe(2)
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('keeps everything across a reopen', async () => {
        const { journey, doc } = newJourney('r', 'Persistent')
        await store.create(journey)
        const updates = recordUpdates(doc)
        doc.getMap('personas').set('p1', new Y.Map())
        await store.append('r', updates.splice(0), digestJourneyDoc(doc))
        await store.compact('r')
        doc.getMap('personas').set('p2', new Y.Map())
        await store.append('r', updates.splice(0), digestJourneyDoc(doc))
        await store.close()
        store = await reopen(now)
        expect(await stateOf(store, 'r')).toEqual(Y.encodeStateAsUpdate(doc))
        expect(await store.get('r')).toMatchObject({ counts: { personas: 2 } })
      })
    }
  })
}
