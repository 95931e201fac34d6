import { z } from 'zod'
import { type Participant, ParticipantSchema } from '../entities/participant.js'
import { parseReviewInput, refuse } from './review-rule-error.js'

export const REVIEW_ROLES = ['viewer', 'commenter', 'editor'] as const
export type ReviewRole = (typeof REVIEW_ROLES)[number]

/** Who asks: the participant from the verified identity, and their role on the journey. */
export type ReviewActor = { participant: Participant; role: ReviewRole }

const RoleSchema = z.enum(REVIEW_ROLES)
const RANK: Record<ReviewRole, number> = { viewer: 0, commenter: 1, editor: 2 }

/**
 * The actor, checked: its participant must be well formed (400, at `author`, where the
 * server's request carries the name and colour) and its role at least `needs` (403).
 */
export function checkActor(actor: ReviewActor, needs: ReviewRole, action: string): ReviewActor {
  const role = parseReviewInput(RoleSchema, actor.role, 'role')
  if (RANK[role] < RANK[needs])
    throw refuse(403, `${role === 'editor' ? 'an' : 'a'} ${role} cannot ${action}`)
  const participant = parseReviewInput(ParticipantSchema, actor.participant, 'author')
  return { participant, role }
}
