import { initials } from '../../collab/identity'
import type { Peer } from './peers'

interface Props {
  me: { name: string; color: string }
  peers: readonly Peer[]
}

const SHOWN = 5

/** "Maya (Marketing)" -> "MM": brackets and punctuation are not initials. */
export function avatarInitials(name: string): string {
  return initials(name.replace(/[^\p{L}\p{N}\s]/gu, ' '))
}

/** Who is on this journey right now: this person first, then everyone else. */
export function PresenceAvatars({ me, peers }: Props) {
  const hidden = peers.length - SHOWN
  const everyone = [me.name, ...peers.map((peer) => peer.name)].join(', ')
  return (
    <div
      className="presence-avatars"
      data-testid="presence-avatars"
      data-count={peers.length + 1}
      title={`Here now: ${everyone}`}
    >
      {peers.slice(0, SHOWN).map((peer) => (
        <span
          key={peer.clientId}
          className="avatar"
          style={{ background: peer.color }}
          title={peer.name}
          data-user={peer.name}
        >
          {avatarInitials(peer.name)}
        </span>
      ))}
      {hidden > 0 ? <span className="avatar avatar-more">+{hidden}</span> : null}
      <span
        className="avatar avatar-me"
        style={{ background: me.color }}
        title={`${me.name} (you)`}
      >
        {avatarInitials(me.name)}
      </span>
    </div>
  )
}
