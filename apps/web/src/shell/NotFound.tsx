import { navigate } from '../routing/navigation.js'
import { Logo } from './icons.js'
import './NotFound.css'

/** A wrong address: say so plainly and offer the way back. */
export function NotFound({ path }: { path: string }) {
  return (
    <main className="tl-not-found">
      <Logo size={40} />
      <h1>Nothing at this address</h1>
      <p>
        <code>{path}</code> is not a Touchline page. Journey links look like <code>/j/…</code>.
      </p>
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
