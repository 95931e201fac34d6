import { describe, expect, it } from 'vitest'
import { GroupCommit, type PendingUpdate } from './group-commit.js'

const turn = () => new Promise((resolve) => setImmediate(resolve))
const entry = (n: number): PendingUpdate => ({ update: new Uint8Array([n]), origin: null })
const numbers = (batch: PendingUpdate[]) => batch.map((pending) => pending.update[0] ?? -1)

/** A store whose writes finish only when the test says so, in any order. */
function controlledStore() {
  const written: number[][] = []
  const finishers: Array<(stored: boolean) => void> = []
  const published: number[][] = []
  const write = (batch: PendingUpdate[]) => {
    written.push(numbers(batch))
    return new Promise<(() => void) | null>((resolve) => {
      finishers.push((stored) => resolve(stored ? () => published.push(numbers(batch)) : null))
    })
  }
  const finish = (index: number, stored = true) => finishers[index]?.(stored)
  return { written, published, write, finish }
}

describe('GroupCommit', () => {
  it('writes each turn as one batch without waiting for the batches before it', async () => {
    const store = controlledStore()
    const commits = new GroupCommit(store.write)
    commits.push(entry(1))
    commits.push(entry(2))
    await turn()
    commits.push(entry(3))
    await turn()
    commits.push(entry(4))
    await turn()
    // The first write is still in flight, and the later turns are written all the same.
    expect(store.written).toEqual([[1, 2], [3], [4]])
    expect(commits.idle).toBe(false)
    store.finish(0)
    store.finish(1)
    store.finish(2)
    await commits.settled()
    expect(commits.idle).toBe(true)
  })

  it('publishes in the order written, whatever order the store answers in', async () => {
    const store = controlledStore()
    const commits = new GroupCommit(store.write)
    for (const n of [1, 2, 3]) {
      commits.push(entry(n))
      await turn()
    }
    store.finish(2)
    store.finish(1)
    await turn()
    expect(store.published).toEqual([])
    store.finish(0)
    await commits.settled()
    expect(store.published).toEqual([[1], [2], [3]])
  })

  it('never hands a reader a state that includes a batch the store failed', async () => {
    const store = controlledStore()
    const commits = new GroupCommit(store.write)
    const delivered: number[][] = []
    commits.push(entry(1))
    commits.readDurable(
      () => new Uint8Array([1]),
      (taken) => delivered.push([...taken]),
    )
    await turn()
    store.finish(0, false)
    await commits.settled()
    expect(store.published).toEqual([])
    expect(delivered).toEqual([])
  })

  it('publishes and reads nothing written after a batch the store failed', async () => {
    const store = controlledStore()
    const commits = new GroupCommit(store.write)
    const delivered: string[] = []
    const read = (label: string) =>
      commits.readDurable(
        () => new Uint8Array(),
        () => delivered.push(label),
      )
    commits.push(entry(1))
    await turn()
    commits.push(entry(2))
    read('with the second batch')
    await turn()
    read('between turns')
    // The second batch was made on top of the first: stored alone, it must still not go out.
    store.finish(1)
    store.finish(0, false)
    await commits.settled()
    read('after the failure')
    await turn()
    expect(store.written).toEqual([[1], [2]])
    expect(store.published).toEqual([])
    expect(delivered).toEqual([])
  })

  it('reads at once when idle, otherwise what the writes under way make durable', async () => {
    const stored: number[] = []
    const commits = new GroupCommit(async (batch) => {
      await turn()
      stored.push(...numbers(batch))
      return () => {}
    })
    // What a reader takes is "the document": here, everything pushed so far.
    const pushed: number[] = []
    const push = (n: number) => {
      pushed.push(n)
      commits.push(entry(n))
    }
    const readings: { taken: number[]; storedThen: number[] }[] = []
    const read = () =>
      commits.readDurable(
        () => new Uint8Array(pushed),
        (taken) => readings.push({ taken: [...taken], storedThen: [...stored] }),
      )
    read()
    expect(readings).toEqual([{ taken: [], storedThen: [] }])

    // Clients that never stop typing: the room is never idle, yet the reader is answered,
    // and never with a change that was not stored when it got it.
    push(1)
    read()
    for (let n = 2; n < 40 && readings.length < 2; n++) {
      push(n)
      await turn()
    }
    expect(readings).toHaveLength(2)
    const [, busy] = readings
    expect(busy?.taken.length).toBeGreaterThan(0)
    expect(busy?.storedThen.slice(0, busy.taken.length)).toEqual(busy?.taken)

    // Read between turns, with writes in flight and none pending: answered once they are.
    push(40)
    await turn()
    read()
    expect(readings).toHaveLength(2)
    await commits.settled()
    expect(readings[2]?.taken).toEqual(pushed)
    expect(readings[2]?.storedThen).toEqual(pushed)
    expect(stored).toEqual(pushed)
  })
})
