/** What a token lets its bearer do, from least to most. */
export const ROLES = ['viewer', 'commenter', 'editor'] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Roles are ordered: an editor may do everything a commenter may, and so on. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed)
}
