import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Screenshots are kept for people to look at; set TOUCHLINE_SCREENSHOTS to choose where. */
export const SCREENSHOTS_DIR =
  process.env.TOUCHLINE_SCREENSHOTS || join(tmpdir(), 'touchline-screenshots')

/** Where to save a screenshot of this name, creating the folder on first use. */
export async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true })
  return join(SCREENSHOTS_DIR, name)
}
