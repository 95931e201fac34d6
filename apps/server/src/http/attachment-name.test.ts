import { describe, expect, it } from 'vitest'
import { attachmentDisposition } from './attachment-name.js'

describe('attachmentDisposition', () => {
  it('names the file after the title, with an ASCII fallback', () => {
    expect(attachmentDisposition('Q3 CFO webinar', 'j1')).toBe(
      `attachment; filename="Q3-CFO-webinar.touchline.json"; filename*=UTF-8''Q3%20CFO%20webinar.touchline.json`,
    )
    expect(attachmentDisposition('Café (draft)', 'j1')).toBe(
      `attachment; filename="Cafe-draft.touchline.json"; filename*=UTF-8''Caf%C3%A9%20%28draft%29.touchline.json`,
    )
  })

  it('falls back to the journey id when the title has nothing usable', () => {
    expect(attachmentDisposition('   ', 'j1')).toContain('filename="j1.touchline.json"')
    expect(attachmentDisposition('顧客の旅', 'j1')).toContain('filename="j1.touchline.json"')
  })

  it('never lets a title break out of the header', () => {
    const header = attachmentDisposition('a"; filename="evil.exe\r\nX: y', 'j1')
    expect(header).not.toMatch(/[\r\n]/)
    expect(header.match(/"/g)).toHaveLength(2)
  })
})
