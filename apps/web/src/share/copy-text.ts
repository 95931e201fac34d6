/** The part of `navigator.clipboard` copying needs, so tests can stand in for it. */
export interface TextClipboard {
  writeText(text: string): Promise<void>
}

function browserClipboard(): TextClipboard | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard
}

/**
 * Copies text, answering whether it worked. Browsers have no clipboard on plain http (other
 * than localhost) and may refuse without a recent click, so the caller needs to know when to
 * select the text for Ctrl+C instead.
 */
export async function copyText(
  text: string,
  clipboard: TextClipboard | undefined = browserClipboard(),
): Promise<boolean> {
  if (!clipboard) return false
  try {
    await clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
