import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Peer, readPeers } from './peers'

function samePeers(a: Peer[], b: Peer[]): boolean {
  if (a.length !== b.length) return false
  return a.every((peer, index) => {
    const other = b[index]
    return (
      other !== undefined &&
      peer.clientId === other.clientId &&
      peer.id === other.id &&
      peer.name === other.name &&
      peer.color === other.color &&
      peer.cursor?.x === other.cursor?.x &&
      peer.cursor?.y === other.cursor?.y &&
      peer.selection.join('\u0000') === other.selection.join('\u0000')
    )
  })
}

/** The other people on this journey, re-rendering only when what they show actually changed. */
export function usePeers(awareness: Awareness): Peer[] {
  const cache = useRef<Peer[]>([])
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    [awareness],
  )
  const snapshot = useCallback(() => {
    const next = readPeers(awareness)
    if (!samePeers(cache.current, next)) cache.current = next
    return cache.current
  }, [awareness])
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
