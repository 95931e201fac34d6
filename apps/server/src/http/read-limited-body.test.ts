import { describe, expect, it } from 'vitest'
import { readLimitedBody } from './read-limited-body.js'

function streamed(chunks: Uint8Array[], onPull: () => void = () => {}): Request {
  let i = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull()
      const chunk = chunks[i++]
      if (chunk) controller.enqueue(chunk)
      else controller.close()
    },
  })
  return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit)
}

describe('readLimitedBody', () => {
  it('reads a body within the limit', async () => {
    const request = new Request('http://x/', { method: 'POST', body: '{"a":"é"}' })
    expect(await readLimitedBody(request, 100)).toEqual({ ok: true, text: '{"a":"é"}' })
  })

  it('refuses a declared length over the limit without reading', async () => {
    let pulls = 0
    const request = streamed([new Uint8Array(10)], () => pulls++)
    request.headers.set('content-length', '1000')
    expect(await readLimitedBody(request, 100)).toEqual({ ok: false, reason: 'too-large' })
    // A stream pulls once when created to fill its queue; nothing is read after that.
    expect(pulls).toBeLessThanOrEqual(1)
  })

  it('stops reading an undeclared stream once it passes the limit', async () => {
    let pulls = 0
    const chunks = Array.from({ length: 1000 }, () => new Uint8Array(64))
    const result = await readLimitedBody(
      streamed(chunks, () => pulls++),
      200,
    )
    expect(result).toEqual({ ok: false, reason: 'too-large' })
    expect(pulls).toBeLessThan(10)
  })

  it('reads a declared length within the limit in one piece, and checks it is UTF-8', async () => {
    const text = streamed([new TextEncoder().encode('{"a":'), new TextEncoder().encode('"é"}')])
    text.headers.set('content-length', '11')
    expect(await readLimitedBody(text, 100)).toEqual({ ok: true, text: '{"a":"é"}' })
    const bytes = streamed([new Uint8Array([0xff, 0xfe, 0x00])])
    bytes.headers.set('content-length', '3')
    expect(await readLimitedBody(bytes, 100)).toEqual({ ok: false, reason: 'not-utf8' })
  })

  it('refuses bytes that are not UTF-8', async () => {
    const request = streamed([new Uint8Array([0xff, 0xfe, 0x00])])
    expect(await readLimitedBody(request, 100)).toEqual({ ok: false, reason: 'not-utf8' })
  })
})
