import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    return (error as ConfigError).problems
  }
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({}, '/srv/touchline')
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('/srv/touchline/data'),
      storage: 'sqlite',
      secret: undefined,
      origins: [],
      maxMessageBytes: 8 * 1024 * 1024,
      logLevel: 'info',
      maxConnectionsPerIp: 64,
      trustProxy: false,
      rateLimit: { perSecond: 200, burst: 1000 },
      roomIdleMs: 30_000,
      compactionThreshold: 500,
    })
    expect(config.webDist).toMatch(/apps[/\\]web[/\\]dist$/)
  })

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        TOUCHLINE_DATA_DIR: '/var/lib/touchline',
        TOUCHLINE_STORAGE: 'memory',
        TOUCHLINE_SECRET: 'a-secret-of-enough-length',
        TOUCHLINE_ORIGINS: 'https://a.example.com, http://localhost:5173',
        TOUCHLINE_MAX_MESSAGE_BYTES: '65536',
        TOUCHLINE_WEB_DIST: 'web',
        LOG_LEVEL: 'DEBUG',
        TOUCHLINE_MAX_CONNECTIONS_PER_IP: '3',
        TOUCHLINE_TRUST_PROXY: 'true',
        TOUCHLINE_RATE_LIMIT: '10',
        TOUCHLINE_ROOM_IDLE_MS: '0',
        TOUCHLINE_COMPACTION_THRESHOLD: '20',
      },
      '/srv',
    )
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: resolve('/var/lib/touchline'),
      storage: 'memory',
      secret: 'a-secret-of-enough-length',
      origins: ['https://a.example.com', 'http://localhost:5173'],
      maxMessageBytes: 65_536,
      webDist: resolve('/srv/web'),
      logLevel: 'debug',
      maxConnectionsPerIp: 3,
      trustProxy: true,
      rateLimit: { perSecond: 10, burst: 50 },
      roomIdleMs: 0,
      compactionThreshold: 20,
    })
  })

  it('reports every problem at once', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: '99999',
        TOUCHLINE_STORAGE: 'mongo',
        TOUCHLINE_ORIGINS: 'example.com',
        TOUCHLINE_MAX_MESSAGE_BYTES: '12abc',
        LOG_LEVEL: 'loud',
        HOST: '0.0.0.0',
        TOUCHLINE_TRUST_PROXY: 'maybe',
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems
    expect(problems).toHaveLength(7)
    expect(problems.join('\n')).toMatch(/PORT.*99999/)
    expect(problems.join('\n')).toMatch(/TOUCHLINE_STORAGE/)
    expect(problems.join('\n')).toMatch(/TOUCHLINE_ORIGINS/)
    expect(problems.join('\n')).toMatch(/TOUCHLINE_MAX_MESSAGE_BYTES/)
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/)
    expect(problems.join('\n')).toMatch(/TOUCHLINE_SECRET/)
    expect(problems.join('\n')).toMatch(/TOUCHLINE_TRUST_PROXY/)
  })

  it('reads the PostgreSQL and Redis settings of a scaled-out server', () => {
    const config = loadConfig({
      TOUCHLINE_STORAGE: 'postgres',
      DATABASE_URL: 'postgres://touchline:pw@db:5432/touchline',
      REDIS_URL: 'redis://cache:6379',
      TOUCHLINE_PG_SCHEMA: 'team_a',
    })
    expect(config).toMatchObject({
      storage: 'postgres',
      databaseUrl: 'postgres://touchline:pw@db:5432/touchline',
      redisUrl: 'redis://cache:6379',
      postgresSchema: 'team_a',
    })
    expect(loadConfig({})).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
      postgresSchema: 'touchline',
    })
  })

  it('requires DATABASE_URL and REDIS_URL with PostgreSQL storage, without echoing them', () => {
    const missing = problemsOf({ TOUCHLINE_STORAGE: 'postgres' })
    expect(missing).toHaveLength(2)
    expect(missing[0]).toMatch(/DATABASE_URL is required/)
    expect(missing[1]).toMatch(/REDIS_URL is required/)
    const wrong = problemsOf({
      TOUCHLINE_STORAGE: 'postgres',
      DATABASE_URL: 'mysql://u:secret@db/x',
      REDIS_URL: 'http://u:secret@cache',
      TOUCHLINE_PG_SCHEMA: 'Drop Table',
    })
    expect(wrong).toHaveLength(3)
    expect(wrong.join('\n')).not.toMatch(/secret/)
    expect(wrong.join('\n')).toMatch(/TOUCHLINE_PG_SCHEMA/)
  })

  it('refuses REDIS_URL with storage that belongs to one instance', () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379' }
    expect(problemsOf(redis)).toEqual([
      expect.stringMatching(/^REDIS_URL is set but TOUCHLINE_STORAGE is sqlite \(the default\)/),
    ])
    expect(problemsOf({ ...redis, TOUCHLINE_STORAGE: 'sqlite' })).toEqual([
      expect.stringMatching(/TOUCHLINE_STORAGE is sqlite, which belongs to one server instance/),
    ])
    expect(problemsOf({ ...redis, TOUCHLINE_STORAGE: 'memory' })).toEqual([
      expect.stringMatching(/TOUCHLINE_STORAGE=postgres/),
    ])
  })

  it('is silent under the test runner unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ VITEST: 'true' }).logLevel).toBe('silent')
    expect(loadConfig({ VITEST: 'true', LOG_LEVEL: 'warn' }).logLevel).toBe('warn')
  })
})
