import { useEffect, useRef } from 'react'
import { isApplePlatform, keyLabel, SHORTCUTS } from './shortcuts'

interface Props {
  onClose: () => void
}

export function ShortcutsOverlay({ onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null)
  const apple = isApplePlatform()
  useEffect(() => dialog.current?.focus(), [])
  return (
    <div className="overlay-backdrop" onPointerDown={onClose}>
      <div
        ref={dialog}
        className="shortcuts-overlay"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        tabIndex={-1}
        data-testid="shortcuts-overlay"
        onPointerDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault()
            event.stopPropagation()
            onClose()
          }
        }}
      >
        <header>
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="tl-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <dl>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.action} className="shortcut-row">
              <dt>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{keyLabel(key, apple)}</kbd>
                ))}
              </dt>
              <dd>{shortcut.action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  )
}
