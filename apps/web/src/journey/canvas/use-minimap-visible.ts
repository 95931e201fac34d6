import { useCallback, useState } from 'react'

const STORAGE_KEY = 'touchline:minimap'
/** Below this width the overview would sit on the lower-right cards, so it starts hidden. */
export const MINIMAP_MIN_WIDTH = 1280

/** Whether the map overview starts shown: the person's last choice, else by screen width. */
export function initialMinimapVisible(width: number, stored: string | null): boolean {
  if (stored === 'shown') return true
  if (stored === 'hidden') return false
  return width >= MINIMAP_MIN_WIDTH
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The overview's visibility with a toggle whose choice is kept for the next visit. */
export function useMinimapVisible(): [boolean, () => void] {
  const [visible, setVisible] = useState(() =>
    initialMinimapVisible(window.innerWidth, readStored()),
  )
  const toggle = useCallback(() => {
    setVisible((was) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, was ? 'hidden' : 'shown')
      } catch {
        // Private windows may refuse storage; the toggle still works for this visit.
      }
      return !was
    })
  }, [])
  return [visible, toggle]
}
