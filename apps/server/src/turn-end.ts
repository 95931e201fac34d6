/**
 * Work that waits for the end of the current event-loop turn, when every message the turn
 * read has been handled: a room's updates go to the store as one append, its presence
 * changes go out as one frame, the store's requests go to its worker as one message.
 *
 * One queue for all of them, drained by one `setImmediate`, because they feed each other:
 * a room's flush asks the store, whose flush must run after it in the same pass. Had each
 * its own `setImmediate`, the store's would be queued behind the next turn's input and
 * every write would wait a whole extra turn to reach the disk.
 */
const queue: Array<() => void> = []
let next = 0
let scheduled = false

/** Runs `task` at the end of this turn, after the tasks asked for before it. */
export function atTurnEnd(task: () => void): void {
  queue.push(task)
  if (scheduled) return
  scheduled = true
  setImmediate(drain)
}

function drain(): void {
  try {
    // Tasks queued by a task run in this same pass.
    while (next < queue.length) {
      const task = queue[next++] as () => void
      task()
    }
  } finally {
    if (next < queue.length) {
      // A task threw: the rest still run, in a pass of their own, and the error surfaces.
      setImmediate(drain)
    } else {
      queue.length = 0
      next = 0
      scheduled = false
    }
  }
}
