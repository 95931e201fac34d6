import { describe, expect, it } from 'vitest'
import { IDENTITY_COLORS, initials, loadIdentity, saveIdentity, suggestColor } from './identity.js'

/** A real Storage contract over a Map, since tests run outside a browser. */
function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => {
      data.delete(key)
    },
    setItem: (key, value) => {
      data.set(key, value)
    },
  }
}

describe('identity', () => {
  it('is absent on a first visit and kept after it is chosen', () => {
    const store = memoryStorage()
    expect(loadIdentity(store)).toBeNull()
    const saved = saveIdentity({ name: '  Ada Lovelace ', color: '#4f46e5' }, store)
    expect(saved).toEqual({ name: 'Ada Lovelace', color: '#4f46e5' })
    expect(loadIdentity(store)).toEqual(saved)
  })

  it('refuses a blank name or a colour that is not a hex colour', () => {
    const store = memoryStorage()
    expect(() => saveIdentity({ name: '   ', color: '#4f46e5' }, store)).toThrow()
    expect(() => saveIdentity({ name: 'Bo', color: 'red' }, store)).toThrow()
    expect(loadIdentity(store)).toBeNull()
  })

  it('ignores stored values it cannot trust', () => {
    const store = memoryStorage()
    store.setItem('touchline:identity', '{not json')
    expect(loadIdentity(store)).toBeNull()
    store.setItem('touchline:identity', JSON.stringify({ name: 'x', color: 12 }))
    expect(loadIdentity(store)).toBeNull()
  })

  it('suggests a colour from the palette and derives initials', () => {
    expect(IDENTITY_COLORS).toContain(suggestColor(() => 0.999))
    expect(suggestColor(() => 0)).toBe(IDENTITY_COLORS[0])
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('grace  brewster murray hopper')).toBe('GH')
    expect(initials('  ')).toBe('?')
  })
})
