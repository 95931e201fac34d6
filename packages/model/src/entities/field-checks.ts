import { EMOTION_MAX, EMOTION_MIN, LIMITS } from '../constants.js'
import {
  COLOR_PATTERN,
  COORDINATE_LIMIT,
  ID_PATTERN,
  TimestampSchema,
  URL_PATTERN,
} from './fields.js'

/**
 * Plain predicates mirroring the field schemas of `fields.ts`, for the structural fast
 * path (`copy-valid-*.ts`). Each may refuse a value its schema accepts (the caller then
 * asks the schema) but must never accept one the schema refuses: strings are measured in
 * UTF-16 units, which is never less than zod's count of code points.
 */

export type Check<T> = (value: unknown) => value is T

export const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= LIMITS.idLength && ID_PATTERN.test(v)

export const isText = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= LIMITS.stringLength

export const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.stringLength

export const isUrl = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= LIMITS.urlLength && URL_PATTERN.test(v)

export const isColor = (v: unknown): v is string => typeof v === 'string' && COLOR_PATTERN.test(v)

export const isTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && TimestampSchema.safeParse(v).success

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

/** zod's `z.number()`: finite (NaN and the infinities are refused). */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v)

/** zod's bounded `z.int()`. */
export const isIntIn =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max

export const isEmotion = isIntIn(EMOTION_MIN, EMOTION_MAX)

export const isCoordinate = (v: unknown): v is number =>
  isNumber(v) && v >= -COORDINATE_LIMIT && v <= COORDINATE_LIMIT

export function isOneOf<T extends string>(values: readonly T[]): Check<T> {
  const set: ReadonlySet<unknown> = new Set(values)
  return (v: unknown): v is T => set.has(v)
}

/**
 * A plain object (literal or null prototype) with exactly `count` own enumerable string
 * keys; the caller then reads each expected key, so together they prove the key set of a
 * strict object (zod's strict objects ignore symbol keys too).
 */
export function isRecordOf(v: unknown, count: number): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  if (proto !== Object.prototype && proto !== null) return false
  return Object.keys(v).length === count
}

/** A fresh copy of a list whose every item passes (copied by `copy`), or undefined. */
export function copyList<T>(
  v: unknown,
  max: number,
  copy: (item: unknown) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined
  const out: T[] = new Array(v.length)
  for (let i = 0; i < v.length; i++) {
    const item = copy(v[i])
    if (item === undefined) return undefined
    out[i] = item
  }
  return out
}

/** `copy` for a list of primitives that pass `check`. */
export const same =
  <T>(check: Check<T>) =>
  (v: unknown): T | undefined =>
    check(v) ? v : undefined
