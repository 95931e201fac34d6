/** The editor's keyboard shortcuts, in the order the `?` overlay lists them. */
export interface Shortcut {
  keys: string[]
  action: string
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['Double-click'], action: 'Add a touchpoint in a stage column, or edit a card' },
  { keys: ['N'], action: 'Add a touchpoint to the selected card’s stage (else the first)' },
  { keys: ['Tab'], action: 'Select the next card (Shift+Tab: the previous one)' },
  { keys: ['Enter'], action: 'Edit the selected card in the inspector' },
  { keys: ['Delete'], action: 'Delete the selection' },
  { keys: ['C'], action: 'Comment on the selected card or stage (else: the comment tool)' },
  { keys: ['Mod', 'Z'], action: 'Undo your last change' },
  { keys: ['Mod', 'Shift', 'Z'], action: 'Redo' },
  { keys: ['Mod', 'D'], action: 'Duplicate the selected touchpoints' },
  { keys: ['Mod', 'A'], action: 'Select every touchpoint' },
  { keys: ['Esc'], action: 'Clear the selection, close overlays' },
  { keys: ['←', '→'], action: 'Move the selected cards to the previous or next stage' },
  { keys: ['↑', '↓'], action: 'Nudge the selected cards up or down (Shift: further)' },
  { keys: ['Shift', 'Click'], action: 'Add to or remove from the selection' },
  { keys: ['Drag'], action: 'Select with a box (on empty canvas)' },
  { keys: ['Scroll'], action: 'Pan the map (Space + drag or middle button too)' },
  { keys: ['Mod', 'Scroll'], action: 'Zoom in and out' },
  { keys: ['?'], action: 'Show or hide this list' },
]

/** Ctrl on Windows/Linux, ⌘ on Apple keyboards. */
export function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
}

export function keyLabel(key: string, apple: boolean): string {
  if (key === 'Mod') return apple ? '⌘' : 'Ctrl'
  if (key === 'Shift') return apple ? '⇧' : 'Shift'
  return key
}
