import { describe, expect, it } from 'vitest'
import { JourneyExistsError, JourneyNotFoundError } from './journey-store.js'
import { BytePacker, fromWireError, toWireError, unpackBytes } from './sqlite-wire.js'

describe('BytePacker', () => {
  it('packs views into one buffer holding their bytes alone, and reads them back in place', () => {
    // A view into a larger buffer, as an update decoded from a socket frame is.
    const frame = new Uint8Array(64 * 1024).fill(7)
    frame.set([1, 2, 3], 1000)
    const packer = new BytePacker()
    const first = packer.add([frame.subarray(1000, 1003), new Uint8Array([9])])
    const second = packer.add([])
    const third = packer.add([new Uint8Array([4, 5])])
    const buffer = packer.take()

    expect(buffer.byteLength).toBe(6)
    expect(unpackBytes(buffer, first)).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([9])])
    expect(unpackBytes(buffer, second)).toEqual([])
    expect(unpackBytes(buffer, third)).toEqual([new Uint8Array([4, 5])])
    // Starts afresh after taking.
    expect(packer.add([new Uint8Array([6])])).toEqual({ offset: 0, sizes: [1] })
    expect(new Uint8Array(packer.take())).toEqual(new Uint8Array([6]))
  })
})

describe('wire errors', () => {
  it('come back as the errors the store promises, with their journey', () => {
    const exists = fromWireError(structuredClone(toWireError(new JourneyExistsError('a'))))
    expect(exists).toBeInstanceOf(JourneyExistsError)
    expect((exists as JourneyExistsError).journeyId).toBe('a')
    const missing = fromWireError(structuredClone(toWireError(new JourneyNotFoundError('b'))))
    expect(missing).toBeInstanceOf(JourneyNotFoundError)
    expect((missing as JourneyNotFoundError).journeyId).toBe('b')
    const disk = Object.assign(new Error('database or disk is full'), {
      name: 'SqliteError',
      code: 'SQLITE_FULL',
    })
    const other = fromWireError(structuredClone(toWireError(disk)))
    expect(other).toMatchObject({
      name: 'SqliteError',
      message: 'database or disk is full',
      code: 'SQLITE_FULL',
    })
    expect(fromWireError(toWireError('odd')).message).toBe('odd')
  })
})
