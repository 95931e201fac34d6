import { useMemo } from 'react'
import { type ApiClient, createApiClient } from './client.js'

/** A client for the page's own server, carrying the share token from the address if any. */
export function useApi(token: string | null = null): ApiClient {
  return useMemo(() => createApiClient({ token }), [token])
}
