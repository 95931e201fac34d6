import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES, pickImportFile, readImportFile } from './read-import-file.js'

describe('readImportFile', () => {
  it('parses a JSON file', async () => {
    const file = new File(['{"format":"touchline.journey"}'], 'j.json')
    expect(await readImportFile(file)).toEqual({
      ok: true,
      json: { format: 'touchline.journey' },
    })
  })

  it('explains a file that is not JSON or is empty', async () => {
    const bad = await readImportFile(new File(['{ nope'], 'j.json'))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues[0]?.message).toMatch(/^This is not a JSON file/)
    const empty = await readImportFile(new File(['  \n'], 'j.json'))
    expect(empty).toEqual({ ok: false, issues: [{ path: '', message: 'The file is empty.' }] })
  })

  it('refuses a file larger than the server accepts, without reading it', async () => {
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'big.json')
    const result = await readImportFile(big)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]?.message).toContain('8.0 MB')
  })
})

describe('pickImportFile', () => {
  it('takes exactly one file', () => {
    const file = new File(['{}'], 'a.json')
    expect(pickImportFile([file])).toBe(file)
    expect(pickImportFile([])).toMatch(/Drop a .json/)
    expect(pickImportFile([file, file])).toBe('Drop one journey file at a time.')
  })
})
