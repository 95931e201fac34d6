import { describe, expect, it } from 'vitest'
import { urlProblem } from './url'

describe('urlProblem', () => {
  it('accepts empty and http(s) links and explains anything else', () => {
    expect(urlProblem('')).toBeNull()
    expect(urlProblem('https://example.com/report')).toBeNull()
    expect(urlProblem('http://intranet/case-study ')).toBeNull()
    expect(urlProblem('javascript:alert(1)')).toMatch(/https/)
    expect(urlProblem('example.com')).toMatch(/https/)
  })
})
