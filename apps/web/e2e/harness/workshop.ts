import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { type TestApi, testApi } from './api.js'
import {
  launchBrowser,
  openPerson,
  type Person,
  type PersonOptions,
  waitForState,
} from './browser.js'
import { type RunningServer, startServer } from './server.js'
import { mintToken } from './token.js'

export type Role = 'viewer' | 'commenter' | 'editor'

export interface WorkshopOptions {
  /** Starts the server with TOUCHLINE_SECRET: every request needs a token, and links work. */
  secret?: boolean
}

/** A person at the workshop, with the access token their page was opened with, if any. */
export interface Member extends Person {
  token: string | null
}

/**
 * One real server and one Chromium for a test file, and the people a test brings in, each in
 * their own browser context. What a page threw fails the test it happened in; everyone's
 * context is closed after each test, the browser and the server after the file.
 */
export interface Workshop {
  readonly server: RunningServer
  readonly browser: Browser
  /** The REST API as an editor of every journey (anonymous on a server without a secret). */
  readonly api: TestApi
  /** An access token for one journey and role, minted as an operator would (needs `secret`). */
  token(journeyId: string, role: Role): Promise<string>
  person(options: PersonOptions): Promise<Member>
  /**
   * Opens the journey's editor and waits until it is live. On a server with a secret the page
   * is opened with a fresh token for `role`; without one everyone may edit, and no token is used.
   */
  join(member: Member, journeyId: string, role?: Role): Promise<void>
  /** Opens a share link's address and waits until it is live; its token is then the member's. */
  follow(member: Member, url: string): Promise<void>
  /** A new person who joins the journey at once. */
  arrive(options: PersonOptions, journeyId: string, role?: Role): Promise<Member>
}

const SECRET = 'e2e-workshop-secret-0123456789abcdef'

/** Registers the workshop's hooks in the file or `describe` block that calls it. */
export function workshop(options: WorkshopOptions = {}): Workshop {
  let server: RunningServer | null = null
  let browser: Browser | null = null
  let api: TestApi | null = null
  let members: Member[] = []

  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the workshop's ${what} is used before beforeAll ran`)
    return value
  }

  beforeAll(async () => {
    server = await startServer(options.secret ? { TOUCHLINE_SECRET: SECRET } : {})
    api = testApi(server.url, options.secret ? await mintToken(SECRET, '*', 'editor') : undefined)
    browser = await launchBrowser()
  })

  afterEach(async () => {
    const leaving = members
    members = []
    const thrown = leaving.flatMap((member) =>
      member.errors.map((error) => `${member.name}: ${error.message}`),
    )
    for (const member of leaving) await member.context.close()
    expect(thrown, 'errors thrown in the pages').toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  async function open(member: Member, url: string, token: string | null): Promise<void> {
    member.token = token
    await member.page.goto(url)
    await waitForState(member.page, 'connected')
  }

  const room: Workshop = {
    get server() {
      return started(server, 'server')
    },
    get browser() {
      return started(browser, 'browser')
    },
    get api() {
      return started(api, 'API')
    },
    token(journeyId, role) {
      if (!options.secret) throw new Error('tokens need a workshop with a secret')
      return mintToken(SECRET, journeyId, role)
    },
    async person(personOptions) {
      const member: Member = { ...(await openPerson(room.browser, personOptions)), token: null }
      members.push(member)
      return member
    },
    async join(member, journeyId, role = 'editor') {
      const address = new URL(`/j/${encodeURIComponent(journeyId)}`, room.server.url)
      const token = options.secret ? await room.token(journeyId, role) : null
      if (token) address.searchParams.set('token', token)
      await open(member, address.toString(), token)
    },
    async follow(member, url) {
      await open(member, url, new URL(url).searchParams.get('token'))
    },
    async arrive(personOptions, journeyId, role) {
      const member = await room.person(personOptions)
      await room.join(member, journeyId, role)
      return member
    },
  }
  return room
}
