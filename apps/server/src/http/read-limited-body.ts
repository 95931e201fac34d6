export type LimitedBody =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'not-utf8' }

/**
 * Reads a request body as UTF-8 text, giving up as soon as it passes `maxBytes`,
 * so an oversized or endless upload costs at most `maxBytes` of memory. A declared
 * Content-Length over the limit is refused before a single byte is read.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too-large' }
  // A declared length within the limit bounds what the HTTP parser will deliver, so the
  // body can be read in one piece: the stream reader below costs several times as much
  // CPU, and sits on every vote's path.
  if (Number.isFinite(declared)) return decodeUtf8(new Uint8Array(await request.arrayBuffer()))
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return { ok: false, reason: 'too-large' }
    }
    chunks.push(value)
  }
  return decodeUtf8(Buffer.concat(chunks, size))
}

function decodeUtf8(bytes: Uint8Array): LimitedBody {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, reason: 'not-utf8' }
  }
}
