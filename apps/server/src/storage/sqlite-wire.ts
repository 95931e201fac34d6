import {
  type AppendResult,
  type JourneyDigest,
  JourneyExistsError,
  JourneyNotFoundError,
  type JourneySummary,
  type NewJourney,
} from './journey-store.js'

/**
 * The messages between `SqliteJourneyStore` and its storage worker. Byte payloads do not
 * travel inside them: the bytes of a whole batch are packed into one transferred buffer
 * (`BytePacker`), and each message says where its parts sit in it (`WireBytes`). A structured
 * clone of a `Uint8Array` copies its whole underlying buffer, and an update received from
 * a socket is a small view into a much larger one.
 */
export type WireRequest =
  | {
      op: 'create'
      seq: number
      journey: Omit<NewJourney, 'update'>
      at: number
      bytes: WireBytes
    }
  | { op: 'append'; seq: number; id: string; digest: JourneyDigest; at: number; bytes: WireBytes }
  /** `bytes` names no part, or a prepared snapshot covering the log up to `through`. */
  | { op: 'compact'; seq: number; id: string; through: number; bytes: WireBytes }
  | { op: 'exists' | 'get' | 'load'; seq: number; id: string }
  | { op: 'delete'; seq: number; id: string }
  | { op: 'list'; seq: number }
  | { op: 'close'; seq: number }

export type RequestBatch = { requests: WireRequest[]; bytes: ArrayBuffer }

/** A loaded journey: its snapshot's bytes (when it has one) come first, then the log's. */
export type WireStored = { snapshot: boolean; through: number; bytes: WireBytes }

export type WireValue =
  | boolean
  | null
  | JourneySummary
  | JourneySummary[]
  | AppendResult
  | WireStored
  | undefined

/** An error as it crosses threads: the journey errors by kind, others by name and code. */
export type WireError = {
  name: string
  message: string
  journeyId?: string
  /** SQLite's result code (`SQLITE_FULL`, `SQLITE_IOERR`, ...), when there is one. */
  code?: string
}

export type WireReply = { seq: number; value?: WireValue; error?: WireError }

export type ReplyBatch = { replies: WireReply[]; bytes: ArrayBuffer }

/** What the worker says once, when it has opened the file or failed to. */
export type WorkerStarted = { started: true } | { started: false; message: string }

export function toWireError(error: unknown): WireError {
  if (error instanceof JourneyExistsError || error instanceof JourneyNotFoundError) {
    return { name: error.name, message: error.message, journeyId: error.journeyId }
  }
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) }
}

export function fromWireError(error: WireError): Error {
  if (error.name === 'JourneyExistsError') return new JourneyExistsError(error.journeyId ?? '')
  if (error.name === 'JourneyNotFoundError') return new JourneyNotFoundError(error.journeyId ?? '')
  const rebuilt = new Error(error.message)
  rebuilt.name = error.name
  return error.code === undefined ? rebuilt : Object.assign(rebuilt, { code: error.code })
}

/** Where a message's byte parts sit in its batch's buffer. */
export type WireBytes = { offset: number; sizes: number[] }

/** Gathers the byte parts of one batch into a single buffer. */
export class BytePacker {
  #parts: Uint8Array[] = []
  #length = 0

  /** Adds parts after those added before; returns where they will sit. */
  add(parts: readonly Uint8Array[]): WireBytes {
    const offset = this.#length
    for (const part of parts) {
      this.#parts.push(part)
      this.#length += part.byteLength
    }
    return { offset, sizes: parts.map((part) => part.byteLength) }
  }

  /**
   * Every part added, in order, in one new buffer (to transfer); starts afresh. Not
   * `Buffer.concat`: a small result of it lives in Node's shared pool, which a transfer
   * would take away from every other Buffer in it.
   */
  take(): ArrayBuffer {
    const bytes = new Uint8Array(this.#length)
    let offset = 0
    for (const part of this.#parts) {
      bytes.set(part, offset)
      offset += part.byteLength
    }
    this.#parts = []
    this.#length = 0
    return bytes.buffer
  }
}

/** The parts a `BytePacker` gathered at `bytes`, as views into its buffer. */
export function unpackBytes(buffer: ArrayBuffer, { offset, sizes }: WireBytes): Uint8Array[] {
  let at = offset
  return sizes.map((size) => {
    const part = new Uint8Array(buffer, at, size)
    at += size
    return part
  })
}
