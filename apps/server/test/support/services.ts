import net from 'node:net'

/** The services CI provides; override them to point the tests elsewhere. */
export const TEST_DATABASE_URL =
  process.env.TOUCHLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const TEST_REDIS_URL = process.env.TOUCHLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) })
    socket.setTimeout(2_000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * These tests need real services and CI has them, so a missing one fails the file with a
 * message saying what to start, rather than skipping and hiding it.
 */
export async function requirePostgres(): Promise<void> {
  if (!(await reachable(TEST_DATABASE_URL, 5432))) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: start it (or set TOUCHLINE_TEST_DATABASE_URL) to run these tests`,
    )
  }
}

export async function requireRedis(): Promise<void> {
  if (!(await reachable(TEST_REDIS_URL, 6379))) {
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL}: start it (or set TOUCHLINE_TEST_REDIS_URL) to run these tests`,
    )
  }
}
