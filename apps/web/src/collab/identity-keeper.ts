import {
  type Identity,
  isRegistered,
  loadIdentity,
  type Profile,
  type RegisteredIdentity,
  saveIdentity,
} from './identity.js'

/** Asks the server for an id and token for this profile (`POST /api/identity`). */
export type RegisterIdentity = (profile: Profile) => Promise<{ id: string; token: string }>

/**
 * This browser's identity as one live value: React reads it, and the review API renews it when
 * the server stops accepting its token, without either knowing about the other.
 */
export interface IdentityKeeper {
  get(): Identity | null
  subscribe(listener: () => void): () => void
  /** Saves a chosen name and colour; the id and token stay, so one's comments stay one's own. */
  choose(profile: Profile): Identity
  /** The registered identity, registering first when this browser has none yet. */
  registered(register: RegisterIdentity): Promise<RegisteredIdentity>
  /**
   * Registers again, keeping name and colour, after the server refused `refused` (its key
   * changed, say). Callers that were refused the same token at once share one registration.
   */
  renew(register: RegisterIdentity, refused: RegisteredIdentity): Promise<RegisteredIdentity>
}

export interface KeeperStorage {
  load(): Identity | null
  save(identity: Identity): Identity
}

const browserStorage: KeeperStorage = { load: () => loadIdentity(), save: (i) => saveIdentity(i) }

export function createIdentityKeeper(storage: KeeperStorage = browserStorage): IdentityKeeper {
  let current = storage.load()
  let pending: Promise<RegisteredIdentity> | null = null
  const listeners = new Set<() => void>()

  function set(next: Identity): Identity {
    current = storage.save(next)
    for (const listener of listeners) listener()
    return current
  }

  function register(register: RegisterIdentity): Promise<RegisteredIdentity> {
    if (pending) return pending
    const identity = current
    if (!identity) return Promise.reject(new Error('Choose a name before joining a journey'))
    const profile = { name: identity.name, color: identity.color }
    pending = register(profile)
      .then(({ id, token }) => {
        // The name or colour may have changed while the request was out; keep the latest.
        const latest = current ?? identity
        const saved = set({ ...latest, id, token })
        if (!isRegistered(saved)) throw new Error('The server issued no identity')
        return saved
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    choose(profile) {
      return set({
        id: current?.id ?? null,
        token: current?.token ?? null,
        name: profile.name,
        color: profile.color,
      })
    },
    async registered(registerIdentity) {
      if (isRegistered(current)) return current
      return register(registerIdentity)
    },
    async renew(registerIdentity, refused) {
      if (isRegistered(current) && current.token !== refused.token) return current
      return register(registerIdentity)
    },
  }
}

/** The one identity of this browser tab. */
export const browserIdentity: IdentityKeeper = createIdentityKeeper()
