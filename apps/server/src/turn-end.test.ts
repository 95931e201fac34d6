import { describe, expect, it } from 'vitest'
import { atTurnEnd } from './turn-end.js'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('atTurnEnd', () => {
  it('runs the tasks of a turn after it, in the order they were asked for', async () => {
    const ran: string[] = []
    atTurnEnd(() => ran.push('a'))
    atTurnEnd(() => ran.push('b'))
    expect(ran).toEqual([])
    await nextTurn()
    expect(ran).toEqual(['a', 'b'])
  })

  it('runs a task queued by a task in the same pass, before the next turn', async () => {
    const ran: string[] = []
    atTurnEnd(() => {
      ran.push('room')
      // Queued after the room's task but before the store's: the store's flush must not
      // wait behind it for another turn.
      setImmediate(() => ran.push('next turn'))
      atTurnEnd(() => ran.push('store'))
    })
    await nextTurn()
    await nextTurn()
    expect(ran).toEqual(['room', 'store', 'next turn'])
  })

  it('still runs the other tasks when one throws', async () => {
    const ran: string[] = []
    const errors: unknown[] = []
    const onError = (error: unknown) => errors.push(error)
    process.prependListener('uncaughtException', onError)
    try {
      atTurnEnd(() => ran.push('before'))
      atTurnEnd(() => {
        throw new Error('boom')
      })
      atTurnEnd(() => ran.push('after'))
      await nextTurn()
      await nextTurn()
      expect(ran).toEqual(['before', 'after'])
      expect(errors).toEqual([new Error('boom')])
      // The queue is usable afterwards.
      atTurnEnd(() => ran.push('later'))
      await nextTurn()
      expect(ran).toEqual(['before', 'after', 'later'])
    } finally {
      process.off('uncaughtException', onError)
    }
  })
})
