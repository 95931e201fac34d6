#!/usr/bin/env node
import { runCli } from './cli/run-cli.js'

try {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
  })
  // A stopped server must not linger on a forgotten timer or socket; every other
  // command ends naturally so piped output is fully flushed first.
  if (process.argv[2] === 'serve') process.exit(code)
  process.exitCode = code
} catch (error) {
  process.stderr.write(`touchline: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
