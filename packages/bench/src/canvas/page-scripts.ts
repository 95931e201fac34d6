// Scripts evaluated in the page. They are plain source strings rather than functions so
// that nothing the TypeScript toolchain adds to compiled functions ends up in the browser.

/**
 * Resolves once the number of rendered cards and edges has not changed for 20 frames, with
 * the page time (ms since navigation) at which it last changed: the first full render. After
 * `timeoutMs` it resolves with `settled: false` and what it saw, rather than hang.
 */
export function settleScript(cardSelector: string, timeoutMs: number): string {
  return `new Promise((resolve) => {
    let last = -1, lastChange = performance.now(), stable = 0
    const started = performance.now()
    const tick = () => {
      const cards = document.querySelectorAll(${JSON.stringify(cardSelector)}).length
      const edges = document.querySelectorAll('.react-flow__edge').length
      const now = performance.now()
      if (cards + edges !== last) { last = cards + edges; lastChange = now; stable = 0 }
      else if (cards > 0) stable++
      if (stable >= 20) resolve({ settled: true, renderedAt: lastChange, cards, edges })
      else if (performance.now() - started > ${timeoutMs}) resolve({ settled: false, renderedAt: lastChange, cards, edges })
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })`
}

/** Starts recording the time between animation frames. */
export const START_FRAMES = `(() => {
  const state = { deltas: [], last: 0, on: true }
  window.__benchFrames = state
  const tick = (now) => {
    if (!state.on) return
    if (state.last) state.deltas.push(now - state.last)
    state.last = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

/** Stops recording; returns the frame times in ms. */
export const STOP_FRAMES = `(() => {
  const state = window.__benchFrames
  state.on = false
  return state.deltas
})()`

/**
 * Centres of up to `limit` cards fully inside the canvas and clear of its overlays (zoom
 * controls, minimap), for clicking and dragging.
 */
export function visibleCardsScript(cardSelector: string, limit: number): string {
  return `(() => {
    const view = document.querySelector('.react-flow').getBoundingClientRect()
    const overlays = [...document.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => el.getBoundingClientRect())
    const clear = (box) => overlays.every((o) => box.right < o.left || box.left > o.right || box.bottom < o.top || box.top > o.bottom)
    return [...document.querySelectorAll(${JSON.stringify(cardSelector)})]
    .map((el) => ({ id: el.getAttribute('data-id') || el.closest('[data-id]')?.getAttribute('data-id') || '', box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 4 && box.top > view.top + 8 && box.left > view.left + 8 && box.bottom < view.bottom - 8 && box.right < view.right - 8 && clear(box))
    .slice(0, ${limit})
    .map(({ id, box }) => ({ id, x: box.left + box.width / 2, y: box.top + box.height / 2 }))
  })()`
}

/** The centre of the node with `id` on screen, or null. */
export function cardCentreScript(id: string): string {
  return `(() => {
    const el = document.querySelector('.react-flow__node[data-id=' + CSS.escape(${JSON.stringify(id)}) + ']')
    if (!el) return null
    const box = el.getBoundingClientRect()
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
  })()`
}

/** A point on the empty pane (not on any node) near the middle of the viewport. */
export const PANE_POINT = `(() => {
  for (let dy = 0; dy < innerHeight / 2; dy += 12) {
    for (let dx = 0; dx < innerWidth / 3; dx += 12) {
      for (const [x, y] of [[innerWidth / 2 + dx, innerHeight / 2 + dy], [innerWidth / 2 - dx, innerHeight / 2 - dy]]) {
        const el = document.elementFromPoint(x, y)
        if (el && el.closest('.react-flow__pane, .react-flow__renderer') && !el.closest('.react-flow__node, .react-flow__edge, .react-flow__minimap, .react-flow__controls')) return { x, y }
      }
    }
  }
  return null
})()`

/**
 * Watches for `marker` to appear in the page; stores the wall-clock time (performance
 * timeOrigin + now, comparable across processes on one machine) of the first frame after.
 */
export function watchForTextScript(marker: string): string {
  return `(() => {
    window.__benchPaintedAt = 0
    const marker = ${JSON.stringify(marker)}
    const observer = new MutationObserver(() => {
      if (!document.body.textContent.includes(marker)) return
      observer.disconnect()
      // The frame callback runs just before the paint; a task queued from it runs just after.
      requestAnimationFrame(() => setTimeout(() => { window.__benchPaintedAt = performance.timeOrigin + performance.now() }))
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  })()`
}

export const PAINTED_AT = 'window.__benchPaintedAt'

/** The canvas viewport's CSS transform: it changes whenever the view pans or zooms. */
export const VIEWPORT_TRANSFORM = `document.querySelector('.react-flow__viewport')?.style.transform ?? ''`
