import { once } from 'node:events'
import { mkdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { atTurnEnd } from '../turn-end.js'
import type {
  AppendResult,
  JourneyDigest,
  JourneyStore,
  JourneySummary,
  NewJourney,
  PreparedSnapshot,
  StoredJourney,
} from './journey-store.js'
import { spawnWorker } from './spawn-worker.js'
import {
  BytePacker,
  fromWireError,
  type ReplyBatch,
  type RequestBatch,
  unpackBytes,
  type WireBytes,
  type WireReply,
  type WireRequest,
  type WireStored,
  type WorkerStarted,
} from './sqlite-wire.js'

/** Starts a worker thread running `moduleUrl` (`spawnWorker`; tests wrap it to reach the thread). */
export type SpawnWorker = (moduleUrl: URL, workerData: unknown) => Worker

export type SqliteStoreOptions = { now?: () => number; spawn?: SpawnWorker }

type Pending = {
  settle: (reply: WireReply, bytes: ArrayBuffer) => void
  fail: (error: Error) => void
}

/**
 * The embedded default: one SQLite file (`SqliteJourneyFile`), owned by a worker thread
 * (`sqlite-worker.ts`). better-sqlite3 is synchronous, and a commit with its fsync would
 * otherwise stop every room on the event loop until the disk answers. Everything the
 * store is asked during one event-loop turn goes to the worker as one message, and the
 * worker commits the appends and compactions that queued up meanwhile in one transaction
 * (group commit, see `sqlite-worker.ts`); a promise settles once its request is done, an
 * append's once it is durable.
 */
export class SqliteJourneyStore implements JourneyStore {
  /** The file is claimed by this process (see `claimDataFile`). */
  readonly soleWriter = true
  readonly #file: string
  readonly #spawn: SpawnWorker
  readonly #now: () => number
  /** None while a new worker is starting, after the last one was lost. */
  #worker: Worker | null = null
  readonly #pending = new Map<number, Pending>()
  #outbox: WireRequest[] = []
  #packer = new BytePacker()
  #flushScheduled = false
  #nextSeq = 1
  /** Why the store takes no more requests: closed, or its worker stopped. */
  #stopped: Error | null = null
  #closing: Promise<void> | null = null

  /**
   * Opens (creating if needed) `touchline.db` in `dataDir`. Rejects when another server
   * holds the file, or it was written by a newer server.
   */
  static async open(
    dataDir: string,
    options: SqliteStoreOptions = {},
  ): Promise<SqliteJourneyStore> {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, 'touchline.db')
    const spawn = options.spawn ?? spawnWorker
    const worker = await startWorker(spawn, file)
    return new SqliteJourneyStore(worker, file, spawn, options.now ?? Date.now)
  }

  private constructor(worker: Worker, file: string, spawn: SpawnWorker, now: () => number) {
    this.#file = file
    this.#spawn = spawn
    this.#now = now
    this.#attach(worker)
  }

  #attach(worker: Worker): void {
    this.#worker = worker
    worker.on('message', (batch: ReplyBatch) => this.#receive(batch))
    const lost = (why: string) =>
      this.#lost(worker, new Error(`the SQLite storage worker stopped: ${why}`))
    worker.on('error', (error) => lost(error.message))
    worker.on('messageerror', (error) => lost(error.message))
    worker.on('exit', (code) => lost(`exit code ${code}`))
    // An idle store does not keep the process alive; a request in flight does (`#send`).
    if (this.#pending.size > 0) worker.ref()
    else worker.unref()
  }

  /**
   * The worker is gone (a fault in it, or out of memory). What it was asked fails, which
   * closes the rooms that asked: their clients reconnect and send their changes again. A new
   * worker takes over the file for everything asked since; the store stops only if that
   * fails, or when it was closing anyway.
   */
  #lost(worker: Worker, reason: Error): void {
    if (worker !== this.#worker) return
    this.#worker = null
    // A thread that only failed to hand over a message (`messageerror`) still runs and still
    // holds the file: it must end before a new one can claim it. (What it says meanwhile is
    // ignored: it is no longer `#worker`, and what it was asked has failed.)
    const ended = worker.terminate()
    if (this.#closing !== null) {
      this.#stop(reason)
      return
    }
    const unsent = new Set(this.#outbox.map((request) => request.seq))
    for (const [seq, pending] of this.#pending) {
      if (unsent.has(seq)) continue
      this.#pending.delete(seq)
      pending.fail(reason)
    }
    ended
      .then(() => startWorker(this.#spawn, this.#file))
      .then(
        (next) => {
          this.#attach(next)
          if (this.#outbox.length > 0) this.#flush()
        },
        (error: unknown) => {
          const why = error instanceof Error ? error.message : String(error)
          this.#stop(new Error(`${reason.message}; starting a new one failed: ${why}`))
        },
      )
  }

  create(journey: NewJourney): Promise<void> {
    const { update, ...rest } = journey
    const at = this.#now()
    return this.#send(
      [update],
      (seq, bytes) => ({ op: 'create', seq, journey: rest, at, bytes }),
      () => undefined,
    )
  }

  exists(id: string): Promise<boolean> {
    return this.#send(
      [],
      (seq) => ({ op: 'exists', seq, id }),
      (reply) => reply.value === true,
    )
  }

  get(id: string): Promise<JourneySummary | null> {
    return this.#send(
      [],
      (seq) => ({ op: 'get', seq, id }),
      (reply) => (reply.value ?? null) as JourneySummary | null,
    )
  }

  list(): Promise<JourneySummary[]> {
    return this.#send(
      [],
      (seq) => ({ op: 'list', seq }),
      (reply) => reply.value as JourneySummary[],
    )
  }

  load(id: string): Promise<StoredJourney | null> {
    return this.#send(
      [],
      (seq) => ({ op: 'load', seq, id }),
      (reply, buffer) => {
        const stored = reply.value as WireStored | null
        if (stored === null) return null
        const parts = unpackBytes(buffer, stored.bytes)
        const snapshot = stored.snapshot ? (parts.shift() ?? null) : null
        return { snapshot, updates: parts, through: stored.through }
      },
    )
  }

  append(id: string, updates: readonly Uint8Array[], digest: JourneyDigest): Promise<AppendResult> {
    const at = this.#now()
    return this.#send(
      updates,
      (seq, bytes) => ({ op: 'append', seq, id, digest, at, bytes }),
      (reply) => reply.value as AppendResult,
    )
  }

  compact(id: string, prepared?: PreparedSnapshot): Promise<void> {
    return this.#send(
      prepared ? [prepared.snapshot] : [],
      (seq, bytes) => ({ op: 'compact', seq, id, through: prepared?.through ?? 0, bytes }),
      () => undefined,
    )
  }

  delete(id: string): Promise<boolean> {
    return this.#send(
      [],
      (seq) => ({ op: 'delete', seq, id }),
      (reply) => reply.value === true,
    )
  }

  /** Commits everything already asked of the store, then releases the file. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#stopped === null) {
        const closed = this.#send(
          [],
          (seq) => ({ op: 'close', seq }),
          () => undefined,
        )
        this.#stopped = new Error('store closed')
        await closed.catch(() => {})
      }
      await this.#worker?.terminate()
    })()
    return this.#closing
  }

  #send<T>(
    parts: readonly Uint8Array[],
    request: (seq: number, bytes: WireBytes) => WireRequest,
    decode: (reply: WireReply, bytes: ArrayBuffer) => T,
  ): Promise<T> {
    if (this.#stopped !== null) return Promise.reject(this.#stopped)
    const seq = this.#nextSeq++
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(seq, {
        settle: (reply, bytes) => {
          try {
            if (reply.error) reject(fromWireError(reply.error))
            else resolve(decode(reply, bytes))
          } catch (error) {
            reject(error)
          }
        },
        fail: reject,
      })
      if (this.#pending.size === 1) this.#worker?.ref()
      this.#outbox.push(request(seq, this.#packer.add(parts)))
      if (!this.#flushScheduled) {
        this.#flushScheduled = true
        atTurnEnd(() => this.#flush())
      }
    })
  }

  #flush(): void {
    this.#flushScheduled = false
    // Kept until a new worker is there (`#lost`).
    if (this.#worker === null || this.#outbox.length === 0) return
    const requests = this.#outbox
    this.#outbox = []
    const bytes = this.#packer.take()
    this.#worker.postMessage({ requests, bytes } satisfies RequestBatch, [bytes])
  }

  #receive({ replies, bytes }: ReplyBatch): void {
    for (const reply of replies) {
      const pending = this.#pending.get(reply.seq)
      this.#pending.delete(reply.seq)
      pending?.settle(reply, bytes)
    }
    if (this.#pending.size === 0) this.#worker?.unref()
  }

  /** Nothing asked of the store will be answered any more. */
  #stop(reason: Error): void {
    this.#stopped ??= reason
    for (const pending of this.#pending.values()) pending.fail(reason)
    this.#pending.clear()
  }
}

/** A storage worker that has opened `file`; rejects with why it could not. */
async function startWorker(spawn: SpawnWorker, file: string): Promise<Worker> {
  const here = import.meta.url
  const worker = spawn(new URL(`./sqlite-worker${extname(here)}`, here), { file })
  const started = await firstMessage(worker)
  if (!started.started) {
    await worker.terminate()
    throw new Error(started.message)
  }
  return worker
}

/** The worker's first word: whether it opened the file. */
async function firstMessage(worker: Worker): Promise<WorkerStarted> {
  const settled = new AbortController()
  const exited = once(worker, 'exit', { signal: settled.signal }).then(([code]) => {
    throw new Error(`the storage worker exited with code ${code}`)
  })
  try {
    const [message] = await Promise.race([
      once(worker, 'message', { signal: settled.signal }),
      exited,
    ])
    return message as WorkerStarted
  } finally {
    // Removes both listeners; the worker keeps listeners of its own on itself.
    settled.abort()
  }
}
