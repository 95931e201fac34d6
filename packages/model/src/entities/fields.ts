import { z } from 'zod'
import { EMOTION_MAX, EMOTION_MIN, LIMITS } from '../constants.js'

/** Field schemas shared by several entities, so every limit is written once. */

/** Reserved names are refused because ids become object keys (emotions by persona id). */
export const ID_PATTERN = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9_-]+$/
/** Empty, or an absolute http(s) URL: anything else could run script when rendered as a link. */
export const URL_PATTERN = /^(https?:\/\/[^\s]+)?$/i
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/
export const COORDINATE_LIMIT = 1e7

export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(
    ID_PATTERN,
    'may contain only letters, digits, "_" and "-", and must not be a reserved name',
  )

export const TextSchema = z
  .string()
  .max(LIMITS.stringLength, `must be at most ${LIMITS.stringLength} characters`)

export const NameSchema = TextSchema.min(1, 'must not be empty')

export const UrlSchema = z
  .string()
  .max(LIMITS.urlLength, `must be at most ${LIMITS.urlLength} characters`)
  .regex(URL_PATTERN, 'must be empty or an http(s) URL')

export const ColorSchema = z.string().regex(COLOR_PATTERN, 'must be a colour like "#3366cc"')

export const TimestampSchema = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time',
})

export const EmotionSchema = z
  .int('must be a whole number')
  .min(EMOTION_MIN, `must be at least ${EMOTION_MIN}`)
  .max(EMOTION_MAX, `must be at most ${EMOTION_MAX}`)

export const CoordinateSchema = z
  .number()
  .min(-COORDINATE_LIMIT, `must be at least -${COORDINATE_LIMIT}`)
  .max(COORDINATE_LIMIT, `must be at most ${COORDINATE_LIMIT}`)

export function listOf<T extends z.ZodType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).max(max, `must have at most ${max} items`)
}
