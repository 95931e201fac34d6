import { describe, expect, it } from 'vitest'
import { exportHref, homeHref, journeyHref, parseRoute } from './route.js'

describe('parseRoute', () => {
  it('reads the home page with or without a trailing slash', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'home', token: null })
    expect(parseRoute('', '')).toEqual({ name: 'home', token: null })
    expect(parseRoute('/', '?token=abc')).toEqual({ name: 'home', token: 'abc' })
    expect(homeHref('a b')).toBe('/?token=a%20b')
    expect(homeHref(null)).toBe('/')
    expect(exportHref('j1', 't')).toBe('/api/journeys/j1/export?token=t')
    expect(exportHref('j1')).toBe('/api/journeys/j1/export')
  })

  it('reads a journey and its optional share token', () => {
    expect(parseRoute('/j/abc_12-X', '')).toEqual({
      name: 'journey',
      journeyId: 'abc_12-X',
      token: null,
    })
    expect(parseRoute('/j/abc/', '?token=t.k%2B1')).toEqual({
      name: 'journey',
      journeyId: 'abc',
      token: 't.k+1',
    })
  })

  it('rejects ids the server would never issue', () => {
    expect(parseRoute('/j/has%20space', '').name).toBe('not-found')
    expect(parseRoute(`/j/${'a'.repeat(65)}`, '').name).toBe('not-found')
    expect(parseRoute('/j/%E0%A4%A', '').name).toBe('not-found')
    expect(parseRoute('/j/a/b', '').name).toBe('not-found')
    expect(parseRoute('/settings', '')).toEqual({ name: 'not-found', path: '/settings' })
  })

  it('builds links that parse back to the same journey', () => {
    const href = journeyHref('j_1', 'a b')
    const url = new URL(href, 'http://x')
    expect(parseRoute(url.pathname, url.search)).toEqual({
      name: 'journey',
      journeyId: 'j_1',
      token: 'a b',
    })
  })
})
