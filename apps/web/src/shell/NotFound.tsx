import { FullPageMessage } from './FullPageMessage.js'

/** A wrong address: say so plainly and offer the way back. */
export function NotFound({ path }: { path: string }) {
  return (
    <FullPageMessage title="Nothing at this address">
      <code>{path}</code> is not a Touchline page. Journey links look like <code>/j/…</code>.
    </FullPageMessage>
  )
}
