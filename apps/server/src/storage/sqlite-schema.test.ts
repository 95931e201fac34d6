import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareSchema } from './sqlite-schema.js'

const dir = mkdtempSync(join(tmpdir(), 'touchline-schema-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The journeys table as older servers made it, the snapshot in each row; `extra` before the log length. */
function legacyJourneysTable(extra: string): string {
  return `CREATE TABLE journeys (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, personas INTEGER NOT NULL,
    stages INTEGER NOT NULL, touchpoints INTEGER NOT NULL, connections INTEGER NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, snapshot BLOB,
    ${extra} log_length INTEGER NOT NULL DEFAULT 0) STRICT`
}

describe('prepareSchema', () => {
  it('creates the tables once and can run again', () => {
    const db = new Database(join(dir, 'new.db'))
    prepareSchema(db)
    prepareSchema(db)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['journeys', 'journey_log']))
    db.close()
  })

  it('upgrades a file that predates snapshot positions, keeping its rows', () => {
    const db = new Database(join(dir, 'old.db'))
    db.exec(legacyJourneysTable(''))
    db.exec(`INSERT INTO journeys VALUES ('j', 'Old', 0, 0, 0, 0, 1, 1, NULL, 0)`)
    prepareSchema(db)
    expect(db.prepare('SELECT title, snapshot_through FROM journeys').get()).toEqual({
      title: 'Old',
      snapshot_through: 0,
    })
    db.close()
  })

  it('moves a version 1 log and snapshots into their own tables, keeping every row', () => {
    const db = new Database(join(dir, 'v1.db'))
    db.exec(legacyJourneysTable('snapshot_through INTEGER NOT NULL DEFAULT 0,'))
    db.exec(`CREATE TABLE journey_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
      data BLOB NOT NULL) STRICT;
    INSERT INTO journeys VALUES ('a', 'A', 0, 0, 0, 0, 1, 1, x'aa', 7, 2);
    INSERT INTO journeys VALUES ('b', 'B', 0, 0, 0, 0, 1, 1, NULL, 0, 1);
    INSERT INTO journey_updates (journey_id, data) VALUES ('a', x'01'), ('b', x'02'), ('a', x'03');`)
    db.pragma('user_version = 1')
    prepareSchema(db)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT journey_id, seq, hex(data) AS data FROM journey_log').all()).toEqual([
      { journey_id: 'a', seq: 1, data: '01' },
      { journey_id: 'a', seq: 3, data: '03' },
      { journey_id: 'b', seq: 2, data: '02' },
    ])
    expect(
      db.prepare('SELECT journey_id, hex(snapshot) AS snapshot FROM journey_snapshots').all(),
    ).toEqual([{ journey_id: 'a', snapshot: 'AA' }])
    expect(db.prepare('SELECT id, snapshot_through FROM journeys ORDER BY id').all()).toEqual([
      { id: 'a', snapshot_through: 7 },
      { id: 'b', snapshot_through: 0 },
    ])
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).not.toContain('journey_updates')
    const columns = (db.pragma('table_info(journeys)') as { name: string }[]).map((c) => c.name)
    expect(columns).not.toContain('snapshot')
    db.close()
  })

  it('refuses a file from a newer server', () => {
    const db = new Database(join(dir, 'future.db'))
    db.pragma('user_version = 99')
    expect(() => prepareSchema(db)).toThrow(/newer Touchline/)
    db.close()
  })
})
