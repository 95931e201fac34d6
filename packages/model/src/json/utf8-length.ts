/**
 * The size of `text` encoded as UTF-8, without encoding it: 1 to 3 bytes per UTF-16 unit,
 * 4 for a surrogate pair (2 per unit). A lone surrogate counts as the 3-byte replacement
 * character, as TextEncoder would write it.
 */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}
