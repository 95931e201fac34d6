/**
 * Forgets the measured heights of cards that no longer exist (deleted here or by someone else),
 * so a long workshop does not keep every card it ever had. Returns whether anything was removed.
 */
export function pruneCardHeights(heights: Map<string, number>, liveIds: Iterable<string>): boolean {
  const live = new Set(liveIds)
  let removed = false
  for (const id of [...heights.keys()]) {
    if (live.has(id)) continue
    heights.delete(id)
    removed = true
  }
  return removed
}
