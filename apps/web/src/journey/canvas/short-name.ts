/** Names this short stay whole on a card. */
const WHOLE = 12

/**
 * A persona's name short enough for a chip on a card: whole when short, otherwise its
 * initials, keeping acronyms already in the name ("VP Finance Operations" -> "VPFO",
 * "Chief Financial Officer" -> "CFO").
 */
export function shortName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length <= WHOLE) return trimmed
  const words = trimmed.split(/[\s/&-]+/).filter(Boolean)
  const letters = words
    .map((word) => (word.length <= 3 && word === word.toUpperCase() ? word : (word[0] ?? '')))
    .join('')
    .toUpperCase()
  return letters.length >= 2 ? letters.slice(0, 5) : `${trimmed.slice(0, WHOLE - 1)}…`
}
