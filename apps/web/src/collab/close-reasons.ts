/**
 * Why the server refused or ended a journey's sync connection, in words a person can act on.
 * Codes follow the server's close codes: 44xx mirror HTTP 4xx (retrying cannot help, except
 * 4429, too many messages, which is worth retrying after the back-off), 1008 is a policy
 * refusal. 401 is never a close code a browser sees (the server refuses the upgrade itself); it
 * is what the REST API says when asked why the socket keeps failing.
 */
export interface Refusal {
  code: number
  title: string
  message: string
}

const REFUSALS: Record<number, Omit<Refusal, 'code'>> = {
  401: {
    title: 'Access denied',
    message:
      'This link does not grant access to the journey, or it has expired. Ask the owner to share it again.',
  },
  1008: {
    title: 'Connection refused',
    message:
      'The server refused this connection. Your access link may have expired; ask for a new one.',
  },
  4400: {
    title: 'Sync stopped',
    message:
      'The server could not apply a change from this browser. Reload the page to continue from the saved journey.',
  },
  4401: {
    title: 'Link expired',
    message:
      'Your access to this journey has expired. Changes made now stay in this browser; ask for a new link to keep working together.',
  },
  4403: {
    title: 'Link revoked',
    message:
      'This link was revoked by an editor of the journey, so it no longer opens it. Changes made now stay in this browser; ask an editor for a new link to keep working together.',
  },
  4404: {
    title: 'Journey not found',
    message: 'There is no journey at this address. The link may be mistyped or out of date.',
  },
  4410: {
    title: 'Journey deleted',
    message:
      'Someone deleted this journey. Changes made here can no longer be saved to the server.',
  },
  4422: {
    title: 'Newer journey format',
    message:
      'This journey was saved by a newer version of Touchline than the server runs. Ask your administrator to upgrade.',
  },
}

const RATE_LIMITED = 4429

/** The stock client retries every close; these ones retrying cannot fix. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500 && code !== RATE_LIMITED) || code === 1008
}

/** The explanation for a refusal, or null when the close is worth retrying. */
export function refusalFor(code: number): Refusal | null {
  const known = REFUSALS[code]
  if (known) return { code, ...known }
  if (!isPermanentClose(code)) return null
  return {
    code,
    title: 'Disconnected',
    message: `The server closed the connection (code ${code}) and asked not to retry. Reload the page to try again.`,
  }
}
