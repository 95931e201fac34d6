/** Someone a comment can mention: an id (what the server records) and the name shown. */
export interface Mentionable {
  id: string
  name: string
}

/** Part of a comment's text: plain, or an `@name` naming a known person. */
export type BodySegment = { text: string; personId: null } | { text: string; personId: string }

/** Characters that may follow a name: a mention of "Ana" must not match inside "@Anatole". */
const NAME_END = /[\s.,;:!?)\]}'"’”-]/u

function endsName(body: string, index: number): boolean {
  const next = body[index]
  return next === undefined || NAME_END.test(next)
}

function startsMention(body: string, index: number): boolean {
  const before = body[index - 1]
  return before === undefined || /[\s([{'"‘“]/u.test(before)
}

/** Longest names first, so "@Ana Lima" is Ana Lima, not Ana followed by " Lima". */
function longestFirst<T extends Mentionable>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => b.name.length - a.name.length)
}

/**
 * Splits a comment's text into plain runs and mentions of `people`: where "@" + a person's
 * name stands as a word. Unknown names stay plain text.
 */
export function mentionSegments(body: string, people: readonly Mentionable[]): BodySegment[] {
  const candidates = longestFirst(people.filter((person) => person.name.length > 0))
  const segments: BodySegment[] = []
  let plain = ''
  let index = 0
  while (index < body.length) {
    const found =
      body[index] === '@' && startsMention(body, index)
        ? candidates.find((person) => {
            const end = index + 1 + person.name.length
            return (
              body.slice(index + 1, end).toLowerCase() === person.name.toLowerCase() &&
              endsName(body, end)
            )
          })
        : undefined
    if (!found) {
      plain += body[index]
      index += 1
      continue
    }
    if (plain) segments.push({ text: plain, personId: null })
    plain = ''
    const end = index + 1 + found.name.length
    segments.push({ text: body.slice(index, end), personId: found.id })
    index = end
  }
  if (plain) segments.push({ text: plain, personId: null })
  return segments
}

/**
 * The ids a comment mentions. People picked from the completion list come first, so of two
 * people with the same name the one chosen is the one mentioned; anyone else known whose
 * `@name` was typed out in full counts too. A pick whose text was deleted again does not.
 */
export function mentionedIds(
  body: string,
  picked: readonly Mentionable[],
  known: readonly Mentionable[],
): string[] {
  const pickedNames = new Set(picked.map((person) => person.name.toLowerCase()))
  const people = [
    ...picked,
    ...known.filter((person) => !pickedNames.has(person.name.toLowerCase())),
  ]
  const ids = new Set<string>()
  for (const segment of mentionSegments(body, people)) {
    if (segment.personId !== null) ids.add(segment.personId)
  }
  return [...ids]
}

/** The `@query` being typed at the caret: where its "@" is and what follows it so far. */
export interface ActiveMention {
  start: number
  query: string
}

/** Names are at most 40 characters; a longer run after "@" is not a mention being typed. */
const MAX_QUERY = 40

/** The mention being typed just before `caret`, if any (names may contain spaces). */
export function activeMention(text: string, caret: number): ActiveMention | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0 || !startsMention(text, at)) return null
  const query = before.slice(at + 1)
  if (query.length > MAX_QUERY || /\n|\s\s|^\s/.test(query)) return null
  return { start: at, query }
}

/**
 * People whose name matches what was typed after "@": names starting with it first, then
 * names with a word starting with it, then names containing it; alphabetical within each.
 */
export function completeMention<T extends Mentionable>(
  query: string,
  people: readonly T[],
  limit = 6,
): T[] {
  const wanted = query.trim().toLowerCase()
  const rank = (name: string): number => {
    const lower = name.toLowerCase()
    if (lower.startsWith(wanted)) return 0
    if (lower.split(/[\s()-]+/).some((word) => word.startsWith(wanted))) return 1
    if (lower.includes(wanted)) return 2
    return 3
  }
  return people
    .map((person) => ({ person, rank: rank(person.name) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((entry) => entry.person)
}

/** Replaces the `@query` being typed with the chosen person's `@name` and a space. */
export function insertMention(
  text: string,
  mention: ActiveMention,
  caret: number,
  person: Mentionable,
): { text: string; caret: number } {
  const inserted = `@${person.name} `
  const after = text.slice(caret).replace(/^ /, '')
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  }
}
