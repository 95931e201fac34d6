/**
 * Remembers across reloads that a journey has local edits the server has not yet received.
 * The edits themselves are safe in IndexedDB; this flag only lets the status say so honestly
 * after a reload while still offline, before any connection has been made.
 */
export interface UnsentMarker {
  read(): boolean
  write(unsent: boolean): void
}

export function unsentMarker(journeyId: string, store: Storage | null): UnsentMarker {
  const key = `touchline:unsent:${journeyId}`
  return {
    read: () => {
      try {
        return store?.getItem(key) === '1'
      } catch {
        return false
      }
    },
    write: (unsent) => {
      try {
        if (unsent) store?.setItem(key, '1')
        else store?.removeItem(key)
      } catch {
        // Storage full or blocked: the in-memory status is still right for this page.
      }
    },
  }
}
