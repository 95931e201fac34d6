interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const RANDOM_CHARS = 10
const SEQUENCE_SPACE = 36 ** 3

function randomSource(): RandomSource {
  const source = (globalThis as { crypto?: RandomSource }).crypto
  if (!source) throw new Error('createId needs globalThis.crypto (Node >= 20 or a browser)')
  return source
}

let lastTime = 0
let sequence = 0

/**
 * An opaque id, unique across clients without coordination: a millisecond timestamp and a
 * per-process sequence (so ids from one client sort in creation order, which keeps exports
 * stable and templates in their written order), then 10 random base-36 characters
 * (about 51 bits) from the platform's CSPRNG against collisions between clients.
 */
export function createId(prefix: string): string {
  const now = Date.now()
  if (now > lastTime) {
    lastTime = now
    sequence = 0
  } else if (++sequence >= SEQUENCE_SPACE) {
    lastTime++
    sequence = 0
  }
  const bytes = randomSource().getRandomValues(new Uint8Array(RANDOM_CHARS))
  let random = ''
  for (const byte of bytes) random += ALPHABET[byte % 36]
  const time = lastTime.toString(36).padStart(9, '0')
  return `${prefix}_${time}${sequence.toString(36).padStart(3, '0')}${random}`
}
