import { describe, expect, it } from 'vitest'
import { copyText } from './copy-text.js'

describe('copyText', () => {
  it('writes to the clipboard', async () => {
    const written: string[] = []
    const clipboard = { writeText: async (text: string) => void written.push(text) }
    expect(await copyText('http://x.test/j/1', clipboard)).toBe(true)
    expect(written).toEqual(['http://x.test/j/1'])
  })

  it('answers false where there is no clipboard or the browser refuses', async () => {
    expect(await copyText('text', undefined)).toBe(false)
    const refusing = {
      writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    }
    expect(await copyText('text', refusing)).toBe(false)
  })
})
