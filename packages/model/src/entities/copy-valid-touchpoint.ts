import { CHANNEL_IDS, CONFIDENCE_LEVEL_IDS, CONTENT_TYPE_IDS, LIMITS } from '../constants.js'
import {
  copyList,
  isBoolean,
  isCoordinate,
  isEmotion,
  isId,
  isIntIn,
  isName,
  isNumberOrNull,
  isOneOf,
  isRecordOf,
  isText,
  isUrl,
  same,
} from './field-checks.js'
import type { Item } from './item.js'
import type { Priority } from './priority.js'
import type { Content, Evidence, Kpi, Position, Touchpoint } from './touchpoint.js'

const isChannel = isOneOf(CHANNEL_IDS)
const isConfidence = isOneOf(CONFIDENCE_LEVEL_IDS)
const isContentType = isOneOf(CONTENT_TYPE_IDS)
const copyId = same(isId)

const isRank = isIntIn(1, LIMITS.voteItems)
const isCount = isIntIn(0, LIMITS.votes)

/** `priority` is nullable, so a refusal is `false` rather than undefined. */
export function copyPriority(v: unknown): Priority | null | false {
  if (v === null) return null
  if (!isRecordOf(v, 3)) return false
  const { sessionId, rank, votes } = v
  return isId(sessionId) && isRank(rank) && isCount(votes) ? { sessionId, rank, votes } : false
}

export function copyValidItem(v: unknown): Item | undefined {
  if (!isRecordOf(v, 3)) return undefined
  const { id, text } = v
  const priority = copyPriority(v.priority)
  return isId(id) && isName(text) && priority !== false ? { id, text, priority } : undefined
}

function copyKpi(v: unknown): Kpi | undefined {
  if (!isRecordOf(v, 4)) return undefined
  const { name, target, actual, unit } = v
  if (!isName(name) || !isNumberOrNull(target) || !isNumberOrNull(actual) || !isText(unit)) {
    return undefined
  }
  return { name, target, actual, unit }
}

function copyEvidence(v: unknown): Evidence | undefined {
  if (!isRecordOf(v, 2)) return undefined
  const { label, url } = v
  return isName(label) && isUrl(url) ? { label, url } : undefined
}

/** `content` is nullable, so a refusal is `false` rather than undefined. */
function copyContent(v: unknown): Content | null | false {
  if (v === null) return null
  if (!isRecordOf(v, 3)) return false
  const { type, title, url } = v
  return isContentType(type) && isText(title) && isUrl(url) ? { type, title, url } : false
}

function copyPosition(v: unknown): Position | undefined {
  if (!isRecordOf(v, 2)) return undefined
  const { x, y } = v
  return isCoordinate(x) && isCoordinate(y) ? { x, y } : undefined
}

/** persona id -> score; zod's record also sees symbol keys, and would refuse them. */
function copyEmotions(v: unknown): Record<string, number> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
  const proto: unknown = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return undefined
  if (Object.getOwnPropertySymbols(v).length > 0) return undefined
  const out: Record<string, number> = {}
  for (const key of Object.keys(v)) {
    const score: unknown = (v as Record<string, unknown>)[key]
    if (!isId(key) || !isEmotion(score)) return undefined
    out[key] = score
  }
  return out
}

const TOUCHPOINT_KEYS = 23

/**
 * A fresh copy of `v` when it is a valid Touchpoint exactly as `TouchpointSchema` accepts
 * it (same keys in schema order, no object shared with `v`), otherwise undefined: the
 * caller then asks the schema, which names the problem or salvages what it can.
 */
export function copyValidTouchpoint(v: unknown): Touchpoint | undefined {
  if (!isRecordOf(v, TOUCHPOINT_KEYS)) return undefined
  const { id, title, description, stageId, channel, owner } = v
  if (!isId(id) || !isName(title) || !isText(description) || !isId(stageId)) return undefined
  if (!isChannel(channel) || !isText(owner)) return undefined
  const personaIds = copyList(v.personaIds, 100, copyId)
  const emotions = copyEmotions(v.emotions)
  const content = copyContent(v.content)
  if (!personaIds || !emotions || content === false) return undefined
  const { customerAction, customerThought, callToAction, campaignTag } = v
  if (!isText(customerAction) || !isText(customerThought)) return undefined
  if (!isText(callToAction) || !isText(campaignTag)) return undefined
  const painPoints = copyList(v.painPoints, LIMITS.listItems, copyValidItem)
  const opportunities = copyList(v.opportunities, LIMITS.listItems, copyValidItem)
  const kpis = copyList(v.kpis, LIMITS.listItems, copyKpi)
  if (!painPoints || !opportunities || !kpis) return undefined
  const { momentOfTruth, conversion, intendedEnd, confidence } = v
  if (!isBoolean(momentOfTruth) || !isBoolean(conversion) || !isBoolean(intendedEnd)) {
    return undefined
  }
  const evidence = copyList(v.evidence, LIMITS.listItems, copyEvidence)
  const position = copyPosition(v.position)
  const priority = copyPriority(v.priority)
  if (!isConfidence(confidence) || !evidence || !position || priority === false) return undefined
  return {
    id,
    title,
    description,
    stageId,
    channel,
    owner,
    personaIds,
    emotions,
    content,
    customerAction,
    customerThought,
    callToAction,
    campaignTag,
    painPoints,
    opportunities,
    kpis,
    momentOfTruth,
    conversion,
    intendedEnd,
    confidence,
    evidence,
    position,
    priority,
  }
}
