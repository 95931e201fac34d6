import { describe, expect, it } from 'vitest'
import { ApiError, describeError, errorFromResponse } from './errors.js'

describe('errorFromResponse', () => {
  it('keeps the server’s message and issues', async () => {
    const response = Response.json(
      {
        error: 'invalid journey file',
        issues: [
          { path: 'touchpoints[3].stageId', message: 'unknown stage' },
          { path: ['journey', 'title'], message: 'expected a string' },
          { nonsense: true },
        ],
      },
      { status: 400 },
    )
    const error = await errorFromResponse(response)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.message).toBe('invalid journey file')
    expect(error.issues).toEqual([
      { path: 'touchpoints[3].stageId', message: 'unknown stage' },
      { path: 'journey.title', message: 'expected a string' },
    ])
  })

  it('leads access errors with what to do, keeping the server’s reason', async () => {
    const error = await errorFromResponse(
      Response.json({ error: 'missing token' }, { status: 401 }),
    )
    expect(error.message).toBe(
      'Access denied: open Touchline with the access link you were given. (missing token)',
    )
  })

  it('falls back to a sentence for the status when the body is not JSON', async () => {
    const error = await errorFromResponse(new Response('<html>', { status: 413 }))
    expect(error.message).toBe('This file is too large for the server.')
    expect(error.issues).toEqual([])
  })
})

describe('describeError', () => {
  it('says the server is unreachable for network failures', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/Cannot reach/)
    expect(describeError(new ApiError(404, 'journey x not found'))).toBe('journey x not found')
    expect(describeError('weird')).toBe('Something went wrong.')
  })
})
