import { describe, expect, it } from 'vitest'
import { GroupCommit, type PendingUpdate } from './group-commit.js'

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('GroupCommit', () => {
  it('writes one batch per turn, one at a time and in order', async () => {
    const batches: number[][] = []
    let release = () => {}
    const commits = new GroupCommit(async (batch: PendingUpdate[]) => {
      batches.push(batch.map((entry) => entry.update[0] ?? -1))
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve))
    })
    const entry = (n: number) => ({ update: new Uint8Array([n]), origin: null })
    commits.push(entry(1))
    commits.push(entry(2))
    await turn()
    commits.push(entry(3))
    await turn()
    commits.push(entry(4))
    await turn()
    // The first write is still in flight: later updates wait and then go together.
    expect(batches).toEqual([[1, 2]])
    release()
    await commits.settled()
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it('reads at once when idle, otherwise what the next batch makes durable', async () => {
    const stored: number[] = []
    const commits = new GroupCommit(async (batch) => {
      await turn()
      for (const entry of batch) stored.push(entry.update[0] ?? -1)
    })
    // What a reader takes is "the document": here, everything pushed so far.
    const pushed: number[] = []
    const push = (n: number) => {
      pushed.push(n)
      commits.push({ update: new Uint8Array([n]), origin: null })
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
    await commits.settled()
    expect(stored).toEqual(pushed)
  })
})
