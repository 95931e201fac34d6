/** The parts of a request a token can travel in. Browsers' sockets cannot set headers. */
export type TokenCarrier = { readonly url: string; readonly headers: Headers }

export function tokenFromRequest(request: TokenCarrier): string | null {
  const header = request.headers.get('authorization')
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    return match?.[1] ?? null
  }
  const fromQuery = new URL(request.url, 'http://localhost').searchParams.get('token')
  return fromQuery === null || fromQuery === '' ? null : fromQuery
}
