import { parentPort, workerData } from 'node:worker_threads'
import { type FileAppend, type FileCompaction, SqliteJourneyFile } from './sqlite-journey-file.js'
import {
  BytePacker,
  type ReplyBatch,
  type RequestBatch,
  toWireError,
  unpackBytes,
  type WireReply,
  type WireRequest,
  type WorkerStarted,
} from './sqlite-wire.js'

/**
 * The storage worker: the thread that owns the SQLite file (see `SqliteJourneyStore`).
 * Appends and compactions queue up, and whatever is queued when the thread comes round is
 * committed as one transaction, with one fsync: the longer a commit takes, the more the
 * next one carries. Writes are stored in the order they were asked for (compactions past
 * `COMPACTIONS_PER_COMMIT` wait for a later commit; a compaction changes no journey's
 * state). Creating and deleting a journey end the commit before them and answer the reads
 * asked before them; other reads are answered after the batch's commit, so a read sees
 * every write asked before it, and perhaps appends asked after it in the same batch, which
 * changes nothing a caller relies on.
 */

/**
 * Compactions one group commit takes on. Each deletes its journey's log, hundreds of rows:
 * a hundred rooms that reach the bound together would otherwise hold up every room's
 * writes behind one long transaction (measured: p99 latency from 26 ms to 180 ms).
 */
const COMPACTIONS_PER_COMMIT = 4

type Queued = { request: WireRequest; parts: Uint8Array[] }
type Read = Extract<WireRequest, { op: 'exists' | 'get' | 'load' | 'list' }>
type Batched<T> = { seq: number; entry: T }

if (parentPort === null) throw new Error('sqlite-worker.ts runs as a worker thread')
const port = parentPort
const file = openFile((workerData as { file: string }).file)
// A thread that could not open the file has nothing to listen for, and ends.
if (file !== null) serve(file)

/** Opens the file and says whether it could. */
function openFile(path: string): SqliteJourneyFile | null {
  try {
    const opened = new SqliteJourneyFile(path)
    port.postMessage({ started: true } satisfies WorkerStarted)
    return opened
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    port.postMessage({ started: false, message } satisfies WorkerStarted)
    return null
  }
}

function serve(file: SqliteJourneyFile): void {
  const queue: Queued[] = []
  let drainScheduled = false
  let closed = false

  const scheduleDrain = (): void => {
    if (drainScheduled) return
    drainScheduled = true
    setImmediate(drain)
  }

  port.on('message', ({ requests, bytes }: RequestBatch) => {
    for (const request of requests) {
      queue.push({ request, parts: 'bytes' in request ? unpackBytes(bytes, request.bytes) : [] })
    }
    scheduleDrain()
  })

  function drain(): void {
    drainScheduled = false
    const replies: WireReply[] = []
    const out = new BytePacker()
    let appends: Batched<FileAppend>[] = []
    let compactions: Batched<FileCompaction>[] = []
    const later: Queued[] = []
    const reads: Read[] = []

    const commit = (): void => {
      if (appends.length + compactions.length > 0) {
        replies.push(...commitNow(file, appends, compactions))
      }
      appends = []
      compactions = []
    }
    const answerReads = (): void => {
      for (const read of reads.splice(0)) replies.push(answer(file, read, [], out))
    }

    const batch = queue.splice(0)
    for (const [index, queued] of batch.entries()) {
      const { request, parts } = queued
      if (closed) {
        replies.push({ seq: request.seq, error: toWireError(new Error('store closed')) })
      } else if (request.op === 'append') {
        const { seq, id, digest, at } = request
        appends.push({ seq, entry: { id, updates: parts, digest, at } })
      } else if (request.op === 'compact') {
        const [snapshot] = parts
        if (compactions.length === COMPACTIONS_PER_COMMIT) later.push(queued)
        else {
          const prepared = snapshot ? { snapshot, through: request.through } : undefined
          compactions.push({ seq: request.seq, entry: { id: request.id, prepared } })
        }
      } else if (request.op === 'close') {
        commit()
        answerReads()
        if (later.length > 0) {
          // Compactions already promised are done first, not dropped.
          queue.push(...later.splice(0), ...batch.slice(index))
          break
        }
        file.close()
        closed = true
        replies.push({ seq: request.seq })
      } else if (request.op === 'create' || request.op === 'delete') {
        // Reads asked before it see the file as it was before it.
        commit()
        answerReads()
        replies.push(answer(file, request, parts, out))
      } else {
        reads.push(request)
      }
    }
    commit()
    answerReads()
    queue.unshift(...later)
    if (queue.length > 0) scheduleDrain()
    const bytes = out.take()
    port.postMessage({ replies, bytes } satisfies ReplyBatch, [bytes])
  }
}

function commitNow(
  file: SqliteJourneyFile,
  appends: Batched<FileAppend>[],
  compactions: Batched<FileCompaction>[],
): WireReply[] {
  try {
    const outcome = file.commit(
      appends.map(({ entry }) => entry),
      compactions.map(({ entry }) => entry),
    )
    return [
      ...appends.map(({ seq }, index): WireReply => {
        const result = outcome.appended[index]
        return result === undefined || result instanceof Error
          ? { seq, error: toWireError(result ?? new Error('append lost')) }
          : { seq, value: result }
      }),
      ...compactions.map(({ seq }, index): WireReply => {
        const failure = outcome.compacted[index] ?? null
        return failure === null ? { seq } : { seq, error: toWireError(failure) }
      }),
    ]
  } catch (error) {
    return [...appends, ...compactions].map(({ seq }) => ({ seq, error: toWireError(error) }))
  }
}

/** Runs a request that is not part of a group commit. */
function answer(
  file: SqliteJourneyFile,
  request: Exclude<WireRequest, { op: 'append' | 'compact' | 'close' }>,
  parts: Uint8Array[],
  out: BytePacker,
): WireReply {
  const { seq } = request
  try {
    switch (request.op) {
      case 'create':
        file.create({ ...request.journey, update: parts[0] ?? new Uint8Array() }, request.at)
        return { seq }
      case 'exists':
        return { seq, value: file.exists(request.id) }
      case 'get':
        return { seq, value: file.get(request.id) }
      case 'list':
        return { seq, value: file.list() }
      case 'delete':
        return { seq, value: file.delete(request.id) }
      case 'load': {
        const stored = file.load(request.id)
        if (stored === null) return { seq, value: null }
        const { snapshot, updates, through } = stored
        const parts = snapshot === null ? updates : [snapshot, ...updates]
        return { seq, value: { snapshot: snapshot !== null, through, bytes: out.add(parts) } }
      }
    }
  } catch (error) {
    return { seq, error: toWireError(error) }
  }
}
