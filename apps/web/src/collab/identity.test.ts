import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../test/memory-storage.js'
import { IDENTITY_COLORS, initials, loadIdentity, saveIdentity, suggestColor } from './identity.js'

describe('identity', () => {
  it('is absent on a first visit and kept after it is chosen', () => {
    const store = memoryStorage()
    expect(loadIdentity(store)).toBeNull()
    const saved = saveIdentity(
      { id: null, name: '  Ada Lovelace ', color: '#4f46e5', token: null },
      store,
    )
    expect(saved).toEqual({ id: null, name: 'Ada Lovelace', color: '#4f46e5', token: null })
    expect(loadIdentity(store)).toEqual(saved)
  })

  it('keeps the id and token the server issued, and reads a profile stored before them', () => {
    const store = memoryStorage()
    const issued = { id: 'p_ada', name: 'Ada', color: '#4f46e5', token: 'ti1.p_ada.sig' }
    saveIdentity(issued, store)
    expect(loadIdentity(store)).toEqual(issued)
    store.setItem('touchline:identity', JSON.stringify({ name: 'Bo', color: '#0891b2' }))
    expect(loadIdentity(store)).toEqual({ id: null, name: 'Bo', color: '#0891b2', token: null })
    // An id without its token cannot act, so it is not kept half.
    store.setItem('touchline:identity', JSON.stringify({ name: 'Bo', color: '#0891b2', id: 'x' }))
    expect(loadIdentity(store)).toEqual({ id: null, name: 'Bo', color: '#0891b2', token: null })
  })

  it('refuses a blank name or a colour that is not a hex colour', () => {
    const store = memoryStorage()
    const blank = { id: null, token: null, name: '   ', color: '#4f46e5' }
    expect(() => saveIdentity(blank, store)).toThrow()
    expect(() => saveIdentity({ ...blank, name: 'Bo', color: 'red' }, store)).toThrow()
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
