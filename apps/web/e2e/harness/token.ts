import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { REPO_ROOT, SERVER_CLI } from './paths.js'

const run = promisify(execFile)

/** Mints an access token with the server's own CLI, as an operator would. */
export async function mintToken(
  secret: string,
  journey: string,
  role: 'viewer' | 'commenter' | 'editor',
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [SERVER_CLI, 'token', `--journey=${journey}`, '--role', role, '--ttl', '1h'],
    { cwd: REPO_ROOT, env: { ...process.env, TOUCHLINE_SECRET: secret } },
  )
  const token = stdout.trim().split(/\s+/).pop()
  if (!token) throw new Error('the token command printed nothing')
  return token
}
