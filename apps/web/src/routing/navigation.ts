import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './route.js'

/**
 * History-API navigation: two routes do not justify a router library. Links call navigate()
 * and every subscriber re-reads the location, as the browser's back button does.
 */
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

function currentHref(): string {
  return window.location.pathname + window.location.search
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentHref()) return
  if (options.replace) window.history.replaceState(null, '', href)
  else window.history.pushState(null, '', href)
  for (const listener of listeners) listener()
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, currentHref)
  const url = new URL(href, window.location.origin)
  return parseRoute(url.pathname, url.search)
}
