import type { Participant } from '@touchline/model'
import { avatarInitials } from '../../journey/presence/PresenceAvatars'

/** A commenter's initials in their colour, as their avatar in the top bar shows them. */
export function Avatar({
  person,
  size = 'normal',
}: {
  person: Pick<Participant, 'name' | 'color'>
  size?: 'normal' | 'small'
}) {
  return (
    <span
      className={
        size === 'small' ? 'tl-avatar comment-avatar is-small' : 'tl-avatar comment-avatar'
      }
      style={{ background: person.color }}
      aria-hidden="true"
    >
      {avatarInitials(person.name)}
    </span>
  )
}
