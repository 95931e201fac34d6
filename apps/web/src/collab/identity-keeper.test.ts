import { describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../test/memory-storage.js'
import { type Identity, loadIdentity, saveIdentity } from './identity.js'
import { createIdentityKeeper, type RegisterIdentity } from './identity-keeper.js'

function keeper(initial: Identity | null = null) {
  const store = memoryStorage()
  if (initial) saveIdentity(initial, store)
  const kept = createIdentityKeeper({
    load: () => loadIdentity(store),
    save: (identity) => saveIdentity(identity, store),
  })
  return { kept, stored: () => loadIdentity(store) }
}

const ada: Identity = { id: null, token: null, name: 'Ada', color: '#4f46e5' }

describe('identity keeper', () => {
  it('registers once on first use, even when asked twice at once, and stores the answer', async () => {
    const { kept, stored } = keeper(ada)
    const register = vi.fn<RegisterIdentity>(async () => ({ id: 'p1', token: 't1' }))
    const [first, second] = await Promise.all([
      kept.registered(register),
      kept.registered(register),
    ])
    expect(register).toHaveBeenCalledTimes(1)
    expect(register).toHaveBeenCalledWith({ name: 'Ada', color: '#4f46e5' })
    expect(first).toEqual({ ...ada, id: 'p1', token: 't1' })
    expect(second).toBe(first)
    expect(stored()).toEqual(first)
    expect(await kept.registered(register)).toEqual(first)
    expect(register).toHaveBeenCalledTimes(1)
  })

  it('keeps the id and token when the name or colour changes, and tells listeners', () => {
    const { kept } = keeper({ ...ada, id: 'p1', token: 't1' })
    const listener = vi.fn()
    kept.subscribe(listener)
    expect(kept.choose({ name: 'Ada L', color: '#059669' })).toEqual({
      id: 'p1',
      token: 't1',
      name: 'Ada L',
      color: '#059669',
    })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('registers again after a refusal keeping name and colour, once for callers refused together', async () => {
    const { kept } = keeper({ ...ada, id: 'old', token: 'stale' })
    const refused = await kept.registered(vi.fn())
    const register = vi.fn<RegisterIdentity>(async () => ({ id: 'new', token: 'fresh' }))
    const [a, b] = await Promise.all([kept.renew(register, refused), kept.renew(register, refused)])
    expect(register).toHaveBeenCalledTimes(1)
    expect(register).toHaveBeenCalledWith({ name: 'Ada', color: '#4f46e5' })
    expect(a).toEqual({ ...ada, id: 'new', token: 'fresh' })
    expect(b).toEqual(a)
    // A caller refused the old token after the renewal gets the new one without asking again.
    expect(await kept.renew(register, refused)).toEqual(a)
    expect(register).toHaveBeenCalledTimes(1)
  })

  it('keeps a name changed while the registration was out', async () => {
    const { kept } = keeper(ada)
    let answer: (value: { id: string; token: string }) => void = () => undefined
    const pending = kept.registered(() => new Promise((resolve) => (answer = resolve)))
    kept.choose({ name: 'Ada Lovelace', color: '#4f46e5' })
    answer({ id: 'p1', token: 't1' })
    expect((await pending).name).toBe('Ada Lovelace')
  })

  it('cannot register before a name is chosen, and can after a failed attempt', async () => {
    const { kept } = keeper()
    await expect(kept.registered(vi.fn())).rejects.toThrow(/name/)
    kept.choose({ name: 'Bo', color: '#0891b2' })
    await expect(kept.registered(() => Promise.reject(new TypeError('offline')))).rejects.toThrow()
    const again = await kept.registered(async () => ({ id: 'p2', token: 't2' }))
    expect(again.id).toBe('p2')
  })
})
