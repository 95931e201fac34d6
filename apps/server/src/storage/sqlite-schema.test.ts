import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareSchema } from './sqlite-schema.js'

const dir = mkdtempSync(join(tmpdir(), 'touchline-schema-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('prepareSchema', () => {
  it('creates the tables once and can run again', () => {
    const db = new Database(join(dir, 'new.db'))
    prepareSchema(db)
    prepareSchema(db)
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['journeys', 'journey_updates']))
    db.close()
  })

  it('upgrades a file that predates snapshot positions, keeping its rows', () => {
    const db = new Database(join(dir, 'old.db'))
    db.exec(`CREATE TABLE journeys (
      id TEXT PRIMARY KEY, title TEXT NOT NULL, personas INTEGER NOT NULL,
      stages INTEGER NOT NULL, touchpoints INTEGER NOT NULL, connections INTEGER NOT NULL,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, snapshot BLOB,
      log_length INTEGER NOT NULL DEFAULT 0) STRICT`)
    db.exec(`INSERT INTO journeys VALUES ('j', 'Old', 0, 0, 0, 0, 1, 1, NULL, 0)`)
    prepareSchema(db)
    expect(db.prepare('SELECT title, snapshot_through FROM journeys').get()).toEqual({
      title: 'Old',
      snapshot_through: 0,
    })
    db.close()
  })

  it('refuses a file from a newer server', () => {
    const db = new Database(join(dir, 'future.db'))
    db.pragma('user_version = 99')
    expect(() => prepareSchema(db)).toThrow(/newer Touchline/)
    db.close()
  })
})
