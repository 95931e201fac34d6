/**
 * Whether a socket's `Origin` may connect. Browsers always send it, and it is the only
 * defence against another web page opening a socket with the user's cookies or network
 * position; clients without one are not browsers and must pass the token check instead.
 * The app's own pages (same host) are always allowed.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined || origin === '') return true
  if (allowed.includes('*') || allowed.includes(origin)) return true
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
