/**
 * A Content-Disposition value naming the download after the journey: an ASCII fallback
 * for old clients and the exact title (RFC 6266 / 5987) for the rest.
 */
export function attachmentDisposition(title: string, fallback: string): string {
  const base = title.trim() || fallback
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || fallback
  const suffix = '.touchline.json'
  const encoded = encodeURIComponent(base.slice(0, 120)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}${suffix}"; filename*=UTF-8''${encoded}${suffix}`
}
