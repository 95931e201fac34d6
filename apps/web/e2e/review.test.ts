import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  card,
  cardIds,
  launchBrowser,
  mintToken,
  openPerson,
  type Person,
  type RunningServer,
  startServer,
  type TestApi,
  testApi,
  waitForState,
} from './harness/index.js'

const SECRET = 'e2e-review-secret-0123456789abcdef'
/** Screenshots are kept for people to look at; set TOUCHLINE_SCREENSHOTS to choose where. */
const SHOTS = process.env.TOUCHLINE_SCREENSHOTS || join(tmpdir(), 'touchline-screenshots')

let server: RunningServer
let browser: Browser
let admin: TestApi
let adminToken: string
let people: Person[] = []

beforeAll(async () => {
  server = await startServer({ TOUCHLINE_SECRET: SECRET })
  adminToken = await mintToken(SECRET, '*', 'editor')
  admin = testApi(server.url, adminToken)
  browser = await launchBrowser()
  await mkdir(SHOTS, { recursive: true })
})

afterEach(async () => {
  for (const person of people) {
    expect(person.errors.map((error) => error.message)).toEqual([])
    await person.context.close()
  }
  people = []
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

/** One person opening the journey with an access token, which is kept to read the API as them. */
async function arrive(name: string, color: string, journeyId: string, token: string) {
  const person = await openPerson(browser, { name, color })
  people.push(person)
  await person.page.goto(`${server.url}/j/${journeyId}?token=${encodeURIComponent(token)}`)
  await waitForState(person.page, 'connected')
  await person.page.getByTestId('touchpoint-card').first().waitFor()
  return { person, page: person.page, token }
}

/** The facilitator's share link for a commenter, made the way the share dialog makes it. */
async function commenterLink(journeyId: string): Promise<string> {
  const registered = await fetch(`${server.url}/api/identity`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fay', color: '#4f46e5' }),
  })
  const { token: identity } = (await registered.json()) as { token: string }
  const response = await fetch(`${server.url}/api/journeys/${journeyId}/share`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
      'x-touchline-identity': identity,
    },
    body: JSON.stringify({
      role: 'commenter',
      ttl: '2h',
      label: 'Workshop 12 March',
      author: { name: 'Fay', color: '#4f46e5' },
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { token: string }).token
}

/** The facilitator (editor), a second editor and a commenter who joined through a link. */
async function workshop(title: string) {
  const id = await admin.createJourney(title, 'enterprise-demand-generation')
  const editorToken = await mintToken(SECRET, id, 'editor')
  const linkToken = await commenterLink(id)
  const [fay, eli, cam] = await Promise.all([
    arrive('Fay Facilitator', '#4f46e5', id, editorToken),
    arrive('Eli Editor', '#059669', id, editorToken),
    arrive('Cam Commenter', '#db2777', id, linkToken),
  ])
  return { id, fay, eli, cam }
}

function badge(page: Page, touchpointId: string) {
  return card(page, touchpointId).getByTestId('comment-badge')
}

async function badgeCount(page: Page, touchpointId: string): Promise<number> {
  const found = badge(page, touchpointId)
  if ((await found.count()) === 0) return 0
  return Number(await found.getAttribute('data-count'))
}

function popover(page: Page) {
  return page.getByTestId('thread-popover')
}

async function vote(page: Page, touchpointId: string): Promise<void> {
  const before = await card(page, touchpointId).getByTestId('my-dot').count()
  await card(page, touchpointId).getByTestId('vote-add').click()
  await expect.poll(() => card(page, touchpointId).getByTestId('my-dot').count()).toBe(before + 1)
}

describe('review with three people', () => {
  it('discusses a card: a thread with a mention, a reply and a resolve, seen live', async () => {
    const { fay, eli, cam } = await workshop('Comments workshop')
    const [target] = await cardIds(fay.page)
    if (!target) throw new Error('the template has cards')

    // The facilitator comments on a card with C, mentioning the commenter from the list.
    await card(fay.page, target).click()
    await fay.page.keyboard.press('c')
    const field = popover(fay.page).getByTestId('new-comment').locator('textarea')
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
    await field.pressSequentially('Do we need this step? @Ca')
    await fay.page.getByTestId('mention-option').filter({ hasText: 'Cam Commenter' }).waitFor()
    await field.press('Enter')
    await field.pressSequentially('what do you think?')
    await field.press('Enter')
    await popover(fay.page).getByTestId('comment').first().waitFor()

    await expect.poll(() => badgeCount(eli.page, target)).toBe(1)
    await expect.poll(() => badgeCount(cam.page, target)).toBe(1)
    expect(await badge(cam.page, target).getAttribute('data-unread')).toBe('true')

    // The commenter opens it, sees their name highlighted, and replies.
    await badge(cam.page, target).click()
    await popover(cam.page).getByTestId('mention-of-me').waitFor()
    expect(await popover(cam.page).getByTestId('mention-of-me').textContent()).toBe(
      '@Cam Commenter',
    )
    const reply = popover(cam.page).getByTestId('reply-field').locator('textarea')
    await reply.fill('Yes: it is where sales qualifies the lead.')
    await reply.press('Enter')
    await expect.poll(() => popover(fay.page).getByTestId('comment').count()).toBe(2)
    await fay.page.screenshot({ path: join(SHOTS, 'review-thread-facilitator.png') })
    await cam.page.screenshot({ path: join(SHOTS, 'review-thread.png') })

    // The facilitator resolves it: it leaves everyone's map and moves to Resolved.
    await popover(fay.page).getByTestId('thread-resolve').click()
    await expect.poll(() => badgeCount(eli.page, target)).toBe(0)
    await cam.page.keyboard.press('Escape')
    await expect.poll(() => badgeCount(cam.page, target)).toBe(0)

    await cam.page.getByTestId('tab-comments').click()
    await cam.page.getByTestId('comments-tab-mentions').click()
    await expect.poll(() => cam.page.getByTestId('thread-row').count()).toBe(1)
    await eli.page.getByTestId('tab-comments').click()
    await eli.page.getByTestId('comments-tab-resolved').click()
    const row = eli.page.getByTestId('thread-row')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('Resolved')
    expect(await row.textContent()).toContain('1 reply')
  })

  it('runs a hidden dot vote nobody can see into before the reveal, then ranks it', async () => {
    const { id, fay, eli, cam } = await workshop('Vote workshop')
    const [a, b, c] = await cardIds(fay.page)
    if (!a || !b || !c) throw new Error('the template has three cards')

    // Everything the commenter's review socket receives, to look for others' votes in.
    const frames: string[] = []
    cam.page.on('websocket', (socket) => {
      if (!socket.url().includes('/review')) return
      socket.on('framereceived', ({ payload }) =>
        frames.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
      )
    })
    await cam.page.reload()
    await waitForState(cam.page, 'connected')
    await cam.page.getByTestId('touchpoint-card').first().waitFor()

    await fay.page.getByTestId('start-vote-button').click()
    const dialog = fay.page.getByTestId('start-vote-dialog')
    await dialog.getByTestId('vote-title').fill('Which steps need work first?')
    await dialog.getByTestId('votes-per-person').fill('2')
    await dialog.getByTestId('start-vote').click()
    await dialog.waitFor({ state: 'detached' })

    for (const member of [fay, eli, cam]) await member.page.getByTestId('vote-bar').waitFor()
    const left = cam.page.getByTestId('votes-left')
    await expect.poll(() => left.getAttribute('data-remaining')).toBe('2')

    await vote(cam.page, a)
    await vote(cam.page, b)
    await expect.poll(() => left.getAttribute('data-remaining')).toBe('0')
    expect(await card(cam.page, c).getByTestId('vote-add').count()).toBe(0)
    await vote(eli.page, a)
    await vote(fay.page, c)
    await expect
      .poll(() => fay.page.getByTestId('voter-count').getAttribute('data-count'))
      .toBe('3')
    await fay.page.screenshot({ path: join(SHOTS, 'review-vote.png') })

    // Hidden means hidden: the commenter's page, socket and API hold only their own votes.
    await cam.page.waitForTimeout(500)
    expect(await cam.page.getByTestId('vote-tally').count()).toBe(0)
    expect(await card(cam.page, a).getByTestId('my-dot').count()).toBe(1)
    expect(await card(cam.page, c).getByTestId('my-dot').count()).toBe(0)
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.some((frame) => frame.includes('Eli Editor'))).toBe(false)
    const review = (await (
      await fetch(`${server.url}/api/journeys/${id}/review`, {
        headers: { authorization: `Bearer ${cam.token}` },
      })
    ).json()) as { votes: unknown[]; voters: Record<string, string[]> }
    expect(review.votes).toEqual([])
    expect(Object.values(review.voters)[0]).toHaveLength(3)

    await fay.page.getByTestId('vote-reveal').click()

    // The ranking, the heat and the priorities, for everyone.
    for (const member of [fay, eli, cam]) {
      await member.page.getByTestId('results-bar').waitFor()
      await card(member.page, a).getByTestId('card-heat').waitFor()
    }
    expect(await card(cam.page, a).getByTestId('card-heat').getAttribute('data-rank')).toBe('1')
    expect(await card(cam.page, b).getByTestId('card-heat').getAttribute('data-rank')).toBe('2')
    await cam.page.getByTestId('see-ranking').click()
    const first = cam.page.getByTestId('ranking-row').first()
    await first.waitFor()
    expect(await first.getAttribute('data-votes')).toBe('2')

    await card(cam.page, a).click()
    const priority = cam.page.getByTestId('inspector').getByTestId('touchpoint-priority')
    await priority.waitFor()
    expect(await priority.getAttribute('data-rank')).toBe('1')
    expect(await priority.getAttribute('data-votes')).toBe('2')
    await fay.page.getByTestId('see-ranking').click()
    await fay.page.getByTestId('ranking-row').first().waitFor()
    await fay.page.screenshot({ path: join(SHOTS, 'review-results.png') })

    const file = await admin.exportJourney(id)
    const journey = file.journey as {
      touchpoints: { id: string; priority: { rank: number; votes: number } | null }[]
      voteSessions: { status: string; votes: unknown[]; results: unknown[] }[]
    }
    expect(journey.touchpoints.find((tp) => tp.id === a)?.priority).toMatchObject({
      rank: 1,
      votes: 2,
    })
    expect(journey.touchpoints.find((tp) => tp.id === c)?.priority).toMatchObject({
      rank: 2,
      votes: 1,
    })
    expect(journey.voteSessions[0]?.status).toBe('revealed')
    expect(journey.voteSessions[0]?.votes).toHaveLength(4)
  })
})
