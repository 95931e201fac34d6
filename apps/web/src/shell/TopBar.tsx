import type { ReactNode } from 'react'
import { type Identity, initials } from '../collab/identity.js'
import { navigate } from '../routing/navigation.js'
import { Logo } from './icons.js'
import './TopBar.css'

interface TopBarProps {
  identity: Identity | null
  onEditIdentity: () => void
  children?: ReactNode
}

/** The product bar above the journeys home: brand, page actions, and who you are. */
export function TopBar({ identity, onEditIdentity, children }: TopBarProps) {
  return (
    <header className="tl-topbar">
      <a
        className="tl-topbar__brand"
        href="/"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey) return
          event.preventDefault()
          navigate('/')
        }}
      >
        <Logo size={26} />
        <span>Touchline</span>
      </a>
      <div className="tl-topbar__actions">{children}</div>
      <button
        type="button"
        className="tl-topbar__me"
        data-testid="identity-button"
        onClick={onEditIdentity}
        title="Change your name and colour"
      >
        {identity ? (
          <>
            <span className="tl-avatar" style={{ background: identity.color }}>
              {initials(identity.name)}
            </span>
            <span className="tl-topbar__name">{identity.name}</span>
          </>
        ) : (
          <span className="tl-topbar__name">Set your name</span>
        )}
      </button>
    </header>
  )
}
