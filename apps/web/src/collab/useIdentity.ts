import { useCallback, useState } from 'react'
import { type Identity, loadIdentity, saveIdentity } from './identity.js'

/** The person's chosen name and colour, or null until they have picked one. */
export function useIdentity(): [Identity | null, (identity: Identity) => void] {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  const update = useCallback((next: Identity) => setIdentity(saveIdentity(next)), [])
  return [identity, update]
}
