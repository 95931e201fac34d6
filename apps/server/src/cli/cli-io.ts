/** Everything a command touches outside itself, so commands run the same in tests. */
export type CliIo = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stdin: AsyncIterable<Uint8Array | string>
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  fetch: typeof fetch
}

export const EXIT = {
  ok: 0,
  /** The command ran and the answer is no: an invalid file, a refused request. */
  failed: 1,
  /** The command line or the configuration is wrong. */
  usage: 2,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Thrown for a wrong command line; reported with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
