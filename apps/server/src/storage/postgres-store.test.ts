import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  describeJourneyStore,
  newJourney,
  recordUpdates,
} from '../../test/support/journey-store-contract.js'
import { requirePostgres, TEST_DATABASE_URL } from '../../test/support/services.js'
import { digestJourneyDoc } from './journey-digest.js'
import { PostgresJourneyStore } from './postgres-store.js'
import { docFromStored } from './stored-doc.js'

await requirePostgres()

const schemas: string[] = []
function freshSchema(): string {
  const schema = `touchline_test_${randomBytes(6).toString('hex')}`
  schemas.push(schema)
  return schema
}
afterAll(async () => {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await admin.end()
})

let current = ''
describeJourneyStore('PostgresJourneyStore', {
  open: async (now) => {
    current = freshSchema()
    return PostgresJourneyStore.open(TEST_DATABASE_URL, { schema: current, now })
  },
  reopen: async (now) => PostgresJourneyStore.open(TEST_DATABASE_URL, { schema: current, now }),
})

describe('PostgresJourneyStore shared by two instances', () => {
  it('keeps every update when both compact one journey while appending', async () => {
    const schema = freshSchema()
    const [one, two] = await Promise.all([
      PostgresJourneyStore.open(TEST_DATABASE_URL, { schema }),
      PostgresJourneyStore.open(TEST_DATABASE_URL, { schema }),
    ])
    const { journey, doc } = newJourney('shared', 'Shared')
    await one.create(journey)
    const updates = recordUpdates(doc)
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 20; i++) doc.getMap('touchpoints').set(`t${round}-${i}`, i)
      const batch = updates.splice(0)
      const half = batch.length / 2
      await Promise.all([
        one.append('shared', batch.slice(0, half), digestJourneyDoc(doc)),
        two.append('shared', batch.slice(half), digestJourneyDoc(doc)),
        one.compact('shared'),
        two.compact('shared'),
      ])
    }
    await Promise.all([one.compact('shared'), two.compact('shared')])
    const stored = await two.load('shared')
    if (!stored) throw new Error('journey lost')
    expect(stored.updates).toEqual([])
    expect(Y.encodeStateAsUpdate(docFromStored(stored))).toEqual(Y.encodeStateAsUpdate(doc))
    await Promise.all([one.close(), two.close()])
  })

  it('refuses a schema written by a newer server', async () => {
    const schema = freshSchema()
    const store = await PostgresJourneyStore.open(TEST_DATABASE_URL, { schema })
    await store.close()
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await admin.connect()
    await admin.query(`UPDATE "${schema}".storage_version SET version = 99`)
    await admin.end()
    await expect(PostgresJourneyStore.open(TEST_DATABASE_URL, { schema })).rejects.toThrow(
      /newer Touchline/,
    )
  })
})
