import { z } from 'zod'

/** Keeps the valid entries of a list or record instead of dropping the whole field. */
function salvage(field: z.ZodType, value: unknown): unknown {
  if (field instanceof z.ZodArray && Array.isArray(value)) {
    const element = field.element as z.ZodType
    return value.filter((item) => element.safeParse(item).success)
  }
  if (field instanceof z.ZodRecord && typeof value === 'object' && value !== null) {
    const keyType = field.keyType as z.ZodType
    const valueType = field.valueType as z.ZodType
    return Object.fromEntries(
      Object.entries(value).filter(
        ([key, item]) => keyType.safeParse(key).success && valueType.safeParse(item).success,
      ),
    )
  }
  return value
}

/**
 * Reads an entity written by any client, tool or older build without ever throwing: each
 * field that matches the schema is kept, a list keeps its valid items, and anything else
 * reads as the field's default. The result always satisfies `schema`.
 */
export function sanitizeEntity<T extends object>(
  schema: z.ZodObject,
  defaults: T,
  raw: Record<string, unknown>,
): T {
  // Nearly every stored entity is valid: one parse is much cheaper than one per field.
  const whole = schema.safeParse(raw)
  if (whole.success) return whole.data as T
  const out: Record<string, unknown> = {}
  for (const [key, fallback] of Object.entries(defaults)) {
    const field = schema.shape[key] as z.ZodType | undefined
    if (!field) continue
    const direct = field.safeParse(raw[key])
    if (direct.success) {
      out[key] = direct.data
      continue
    }
    const salvaged = field.safeParse(salvage(field, raw[key]))
    out[key] = salvaged.success ? salvaged.data : fallback
  }
  return out as T
}
