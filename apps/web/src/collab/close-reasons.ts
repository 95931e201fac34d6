/**
 * Why the server refused or ended a journey's sync connection, in words a person can act on.
 * Codes come from the server contract: 4404 unknown journey, 4410 deleted, 1008 policy
 * (for example an expired share link or a page served from a foreign origin) and 401, which a
 * browser never sees as a close code (the server refuses the upgrade) and is therefore found
 * by asking the REST API why the socket keeps failing.
 */
export type RefusalCode = 4404 | 4410 | 1008 | 401

export interface Refusal {
  code: RefusalCode
  title: string
  message: string
}

const REFUSALS: Record<RefusalCode, Omit<Refusal, 'code'>> = {
  4404: {
    title: 'Journey not found',
    message: 'There is no journey at this address. The link may be mistyped or out of date.',
  },
  4410: {
    title: 'Journey deleted',
    message:
      'Someone deleted this journey. Changes made here can no longer be saved to the server.',
  },
  1008: {
    title: 'Connection refused',
    message:
      'The server refused this connection. Your access link may have expired; ask for a new one.',
  },
  401: {
    title: 'Access denied',
    message:
      'This link does not grant access to the journey, or it has expired. Ask the owner to share it again.',
  },
}

export function refusalFor(code: number): Refusal | null {
  if (code === 4404 || code === 4410 || code === 1008 || code === 401) {
    return { code, ...REFUSALS[code] }
  }
  return null
}

/** The stock client retries every close; these ones retrying cannot fix. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === 1008
}
