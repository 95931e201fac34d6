interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const RANDOM_CHARS = 12

function randomSource(): RandomSource {
  const source = (globalThis as { crypto?: RandomSource }).crypto
  if (!source) throw new Error('createId needs globalThis.crypto (Node >= 20 or a browser)')
  return source
}

/**
 * An opaque id, unique across clients without coordination: a millisecond timestamp (so
 * ids sort roughly by creation time, which keeps exports stable and readable) followed by
 * 12 random base-36 characters (about 62 bits) from the platform's CSPRNG.
 */
export function createId(prefix: string): string {
  const bytes = randomSource().getRandomValues(new Uint8Array(RANDOM_CHARS))
  let random = ''
  for (const byte of bytes) random += ALPHABET[byte % 36]
  const time = Date.now().toString(36).padStart(9, '0')
  return `${prefix}_${time}${random}`
}
