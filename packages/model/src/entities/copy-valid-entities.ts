import { CHANNEL_IDS, CONNECTION_KIND_IDS, LIMITS, PERSONA_ROLE_IDS } from '../constants.js'
import type { Connection } from './connection.js'
import {
  copyList,
  isColor,
  isId,
  isName,
  isNumber,
  isOneOf,
  isRecordOf,
  isText,
  same,
} from './field-checks.js'
import type { Persona } from './persona.js'
import { STAGE_ORDER_LIMIT, type Stage } from './stage.js'

/**
 * Structural fast paths for the smaller entities, with the contract of
 * `copyValidTouchpoint`: a fresh copy in schema key order when the schema would accept `v`
 * as it is, otherwise undefined.
 */

const isRole = isOneOf(PERSONA_ROLE_IDS)
const isKind = isOneOf(CONNECTION_KIND_IDS)
const copyName = same(isName)
const copyChannel = same(isOneOf(CHANNEL_IDS))

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
