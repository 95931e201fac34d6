import { CHANNEL_IDS, CONNECTION_KIND_IDS, LIMITS, PERSONA_ROLE_IDS } from '../constants.js'
import type { Comment, CommentAnchor } from './comment.js'
import type { Connection } from './connection.js'
import {
  copyList,
  isBoolean,
  isColor,
  isCoordinate,
  isId,
  isName,
  isNumber,
  isOneOf,
  isRecordOf,
  isText,
  isTimestamp,
  same,
} from './field-checks.js'
import type { Persona } from './persona.js'
import { STAGE_ORDER_LIMIT, type Stage } from './stage.js'
import type { Vote } from './vote.js'

/**
 * Structural fast paths for the smaller entities, with the contract of
 * `copyValidTouchpoint`: a fresh copy in schema key order when the schema would accept `v`
 * as it is, otherwise undefined.
 */

const isRole = isOneOf(PERSONA_ROLE_IDS)
const isKind = isOneOf(CONNECTION_KIND_IDS)
const copyName = same(isName)
const copyChannel = same(isOneOf(CHANNEL_IDS))
const isIdOrNull = (v: unknown): v is string | null => v === null || isId(v)

export function copyValidPersona(v: unknown): Persona | undefined {
  if (!isRecordOf(v, 10)) return undefined
  const { id, name, role, description, color } = v
  if (!isId(id) || !isName(name) || !isRole(role) || !isText(description) || !isColor(color)) {
    return undefined
  }
  const goals = copyList(v.goals, LIMITS.listItems, copyName)
  const jobsToBeDone = copyList(v.jobsToBeDone, LIMITS.listItems, copyName)
  const pains = copyList(v.pains, LIMITS.listItems, copyName)
  const preferredChannels = copyList(v.preferredChannels, LIMITS.listItems, copyChannel)
  const informationSources = copyList(v.informationSources, LIMITS.listItems, copyName)
  if (!goals || !jobsToBeDone || !pains || !preferredChannels || !informationSources) {
    return undefined
  }
  return {
    id,
    name,
    role,
    description,
    goals,
    jobsToBeDone,
    pains,
    preferredChannels,
    informationSources,
    color,
  }
}

export function copyValidStage(v: unknown): Stage | undefined {
  if (!isRecordOf(v, 4)) return undefined
  const { id, name, description, order } = v
  if (!isId(id) || !isName(name) || !isText(description) || !isNumber(order)) return undefined
  if (order < -STAGE_ORDER_LIMIT || order > STAGE_ORDER_LIMIT) return undefined
  return { id, name, description, order }
}

export function copyValidConnection(v: unknown): Connection | undefined {
  if (!isRecordOf(v, 8)) return undefined
  const { id, source, target, kind, label, condition, cadence, exitCriteria } = v
  if (!isId(id) || !isId(source) || !isId(target) || !isKind(kind)) return undefined
  if (!isText(label) || !isText(condition) || !isText(cadence) || !isText(exitCriteria)) {
    return undefined
  }
  return { id, source, target, kind, label, condition, cadence, exitCriteria }
}

function copyAnchor(v: unknown): CommentAnchor | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const { type } = v as { type?: unknown }
  if (type === 'touchpoint' || type === 'stage') {
    if (!isRecordOf(v, 2)) return undefined
    return isId(v.id) ? { type, id: v.id } : undefined
  }
  if (type !== 'canvas' || !isRecordOf(v, 3)) return undefined
  const { x, y } = v
  return isCoordinate(x) && isCoordinate(y) ? { type, x, y } : undefined
}

export function copyValidComment(v: unknown): Comment | undefined {
  if (!isRecordOf(v, 7)) return undefined
  const { id, parentId, author, body, createdAt, resolved } = v
  const anchor = copyAnchor(v.anchor)
  if (!isId(id) || !anchor || !isIdOrNull(parentId) || !isName(author) || !isName(body)) {
    return undefined
  }
  if (!isTimestamp(createdAt) || !isBoolean(resolved)) return undefined
  return { id, anchor, parentId, author, body, createdAt, resolved }
}

export function copyValidVote(v: unknown): Vote | undefined {
  if (!isRecordOf(v, 5)) return undefined
  const { id, voter, touchpointId, itemId, createdAt } = v
  if (!isId(id) || !isName(voter) || !isId(touchpointId) || !isIdOrNull(itemId)) return undefined
  if (!isTimestamp(createdAt)) return undefined
  return { id, voter, touchpointId, itemId, createdAt }
}
