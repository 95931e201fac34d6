import { type ReactNode, useEffect, useRef } from 'react'

interface ModalProps {
  /** Added to `tl-dialog`, for a dialog's own width and parts. */
  className?: string
  testId: string
  /** The id of the dialog's heading, which names it for screen readers. */
  labelledBy: string
  /** Escape, or the caller's own Cancel: the caller unmounts the modal. */
  onClose: () => void
  children: ReactNode
}

/**
 * A native modal `<dialog>`, open for as long as it is mounted: the browser traps focus in it,
 * makes the page behind it inert and turns Escape into `cancel` (the editor's shortcuts stand
 * aside while one is open).
 */
export function Modal({ className, testId, labelledBy, onClose, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  return (
    <dialog
      ref={dialog}
      className={className ? `tl-dialog ${className}` : 'tl-dialog'}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onCancel={onClose}
    >
      {children}
    </dialog>
  )
}
