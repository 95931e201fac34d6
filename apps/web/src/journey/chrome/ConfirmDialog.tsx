import { type ReactNode, useEffect, useRef } from 'react'

interface Props {
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** A modal question with the safe answer focused, so Enter never destroys by accident. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: Props) {
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div className="overlay-backdrop" onPointerDown={onCancel}>
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={title}
        data-testid="confirm-dialog"
        onPointerDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          event.stopPropagation()
          if (event.key === 'Escape') onCancel()
        }}
      >
        <h2>{title}</h2>
        <div className="confirm-body">{children}</div>
        <footer>
          <button ref={cancel} type="button" className="tl-button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'tl-button tl-button--danger' : 'tl-button tl-button--primary'}
            data-testid="confirm-action"
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </footer>
      </div>
    </div>
  )
}
