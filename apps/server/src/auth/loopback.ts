import { isIP } from 'node:net'

/**
 * Whether binding to `host` keeps the server reachable from this machine only.
 * Anything else (a LAN address, 0.0.0.0, ::) exposes journeys to the network,
 * which is why such a bind demands a secret.
 */
export function isLoopbackHost(host: string): boolean {
  const normalized = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (normalized === 'localhost' || normalized.endsWith('.localhost')) return true
  if (isIP(normalized) === 4) return normalized.startsWith('127.')
  if (normalized === '::1') return true
  if (normalized.startsWith('::ffff:')) return isLoopbackHost(normalized.slice('::ffff:'.length))
  return false
}
