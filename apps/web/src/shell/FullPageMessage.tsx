import type { ReactNode } from 'react'
import { navigate } from '../routing/navigation.js'
import { Logo } from './icons.js'
import './FullPageMessage.css'

/** A page that only has something to say (wrong address, journey gone) and the way back. */
export function FullPageMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="tl-full-message" data-testid="full-page-message">
      <Logo size={40} />
      <h1>{title}</h1>
      <p>{children}</p>
      <a
        className="tl-button tl-button--primary"
        href="/"
        onClick={(event) => {
          event.preventDefault()
          navigate('/')
        }}
      >
        Go to journeys
      </a>
    </main>
  )
}
