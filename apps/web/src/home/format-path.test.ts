import { describe, expect, it } from 'vitest'
import { formatPath } from './format-path.js'

describe('formatPath', () => {
  it('shows array indices in brackets', () => {
    expect(formatPath('touchpoints.3.stageId')).toBe('touchpoints[3].stageId')
    expect(formatPath('journey.personas.0.emotion.p1')).toBe('journey.personas[0].emotion.p1')
    expect(formatPath('format')).toBe('format')
  })

  it('names the whole file for an empty path', () => {
    expect(formatPath('')).toBe('(whole file)')
  })
})
