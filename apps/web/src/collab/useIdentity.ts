import { useSyncExternalStore } from 'react'
import type { Identity, Profile } from './identity.js'
import { browserIdentity } from './identity-keeper.js'

const choose = (profile: Profile): Identity => browserIdentity.choose(profile)

/** The person's identity, or null until they have picked a name and colour. */
export function useIdentity(): [Identity | null, (profile: Profile) => void] {
  const identity = useSyncExternalStore(
    browserIdentity.subscribe,
    browserIdentity.get,
    browserIdentity.get,
  )
  return [identity, choose]
}
