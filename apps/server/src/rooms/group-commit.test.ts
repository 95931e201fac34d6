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

  it('runs persisted-callbacks only when nothing is pending', async () => {
    const commits = new GroupCommit(async () => {})
    const order: string[] = []
    commits.afterPersisted(() => order.push('idle'))
    commits.push({ update: new Uint8Array([1]), origin: null })
    commits.afterPersisted(() => order.push('after write'))
    expect(order).toEqual(['idle'])
    await commits.settled()
    expect(order).toEqual(['idle', 'after write'])
  })
})
