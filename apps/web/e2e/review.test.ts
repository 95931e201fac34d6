import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  card,
  cardIds,
  type Member,
  screenshotPath,
  testApi,
  waitForState,
  workshop,
} from './harness/index.js'

const room = workshop({ secret: true })

const LINK_LABEL = 'Workshop 12 March'

interface Exported {
  journey: { touchpoints: { id: string; priority: { rank: number; votes: number } | null }[] }
}

function shareDialog(page: Page) {
  return page.getByTestId('share-dialog')
}

/** The facilitator makes a link in the share dialog and copies it, as they would for the room. */
async function shareLink(
  facilitator: Member,
  role: 'viewer' | 'commenter' | 'editor',
  label: string,
): Promise<string> {
  const { page } = facilitator
  await page.getByTestId('share-button').click()
  const dialog = shareDialog(page)
  await dialog.getByTestId('share-links').getByText('Active links (').waitFor()
  await dialog.getByTestId('share-label').fill(label)
  await dialog.getByTestId('share-role').selectOption(role)
  await dialog.getByTestId('share-expiry').selectOption('2h')
  await dialog.getByTestId('create-link').click()
  const url = await dialog.getByTestId('created-link-url').inputValue()
  // The test's editor tokens last an hour, so the link asked for two cannot outlast them.
  await dialog.getByTestId('expires-early').waitFor()
  expect(new URL(url).searchParams.get('token')).toMatch(/^tl1\./)
  await dialog.getByTestId('copy-link').click()
  await dialog.locator('[data-testid="copy-link"][data-copied="true"]').waitFor()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
  const row = dialog.getByTestId('share-link-row').filter({ hasText: label })
  expect(await row.getAttribute('data-role')).toBe(role)
  return url
}

/**
 * The facilitator (editor), a second editor, and a commenter who joined through the link the
 * facilitator made in the share dialog; the commenter's review socket frames are kept, to look
 * for others' hidden votes in.
 */
async function threeOf(title: string) {
  const id = await room.api.createJourney(title, 'enterprise-demand-generation')
  const [fay, eli] = await Promise.all([
    room.arrive({ name: 'Fay Facilitator', color: '#4f46e5' }, id, 'editor'),
    room.arrive({ name: 'Eli Editor', color: '#059669' }, id, 'editor'),
  ])
  await fay.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: room.server.url,
  })
  const url = await shareLink(fay, 'commenter', LINK_LABEL)
  await fay.page.keyboard.press('Escape')
  await shareDialog(fay.page).waitFor({ state: 'detached' })

  const cam = await room.person({ name: 'Cam Commenter', color: '#db2777' })
  const frames: string[] = []
  cam.page.on('websocket', (socket) => {
    if (!socket.url().includes('/review')) return
    socket.on('framereceived', ({ payload }) =>
      frames.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
    )
  })
  await room.follow(cam, url)
  for (const member of [fay, eli, cam]) {
    await member.page.getByTestId('touchpoint-card').first().waitFor()
  }
  return { id, fay, eli, cam, frames }
}

/** Moves everyone's pointer to empty map below the cards, so no cursor hides a card's title. */
async function parkPointers(members: readonly Member[]): Promise<void> {
  for (const [index, member] of members.entries()) {
    await member.page.mouse.move(380 + index * 220, 640)
  }
  await members[0]?.page.waitForTimeout(300)
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
    const { fay, eli, cam } = await threeOf('Comments workshop')
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

    // The commenter is offered the review, not the editing: no creation tools, the
    // inspector's fields shown but not editable, the card's own comments still one click away.
    expect(await cam.page.getByTestId('add-touchpoint').count()).toBe(0)
    expect(await cam.page.getByTestId('role-badge').textContent()).toContain('Reviewing')
    expect(await cam.page.getByTestId('read-only-banner').count()).toBe(0)
    expect(await fay.page.getByTestId('role-badge').count()).toBe(0)
    await card(cam.page, target).click()
    await cam.page.getByTestId('touchpoint-title').waitFor()
    expect(await cam.page.getByTestId('touchpoint-title').getAttribute('readonly')).not.toBeNull()
    expect(await cam.page.getByTestId('delete-touchpoint').isVisible()).toBe(false)
    expect(await cam.page.getByRole('textbox', { name: /^Add to/ }).count()).toBe(0)

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
    await parkPointers([fay, eli])
    await cam.page.screenshot({ path: await screenshotPath('review-thread.png') })

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
    const { id, fay, eli, cam, frames } = await threeOf('Vote workshop')
    const [a, b, c] = await cardIds(fay.page)
    if (!a || !b || !c) throw new Error('the template has three cards')

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
    await parkPointers([eli, cam])
    await fay.page.screenshot({ path: await screenshotPath('review-vote.png') })

    // Hidden means hidden: the commenter's page, socket and API hold only their own votes.
    await cam.page.waitForTimeout(500)
    expect(await cam.page.getByTestId('vote-tally').count()).toBe(0)
    expect(await card(cam.page, a).getByTestId('my-dot').count()).toBe(1)
    expect(await card(cam.page, c).getByTestId('my-dot').count()).toBe(0)
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.some((frame) => frame.includes('Eli Editor'))).toBe(false)
    const review = await testApi(room.server.url, cam.token ?? undefined).review(id)
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
    await cam.page.getByTestId('tab-inspector').click()
    const priority = cam.page.getByTestId('inspector').getByTestId('touchpoint-priority')
    await priority.waitFor()
    expect(await priority.getAttribute('data-rank')).toBe('1')
    expect(await priority.getAttribute('data-votes')).toBe('2')
    await fay.page.getByTestId('see-ranking').click()
    await fay.page.getByTestId('ranking-row').first().waitFor()
    await parkPointers([eli, cam])
    await fay.page.screenshot({ path: await screenshotPath('review-result.png') })

    // The facilitator's download carries the priorities, as the server's export does.
    const download = fay.page.waitForEvent('download')
    await fay.page.getByTestId('export-json').click()
    const downloaded: Exported = JSON.parse(await readFile(await (await download).path(), 'utf8'))
    const fromServer = (await room.api.exportJourney(id)) as unknown as Exported
    for (const file of [downloaded, fromServer]) {
      const priority = (touchpointId: string) =>
        file.journey.touchpoints.find((tp) => tp.id === touchpointId)?.priority
      expect(priority(a)).toMatchObject({ rank: 1, votes: 2 })
      expect(priority(c)).toMatchObject({ rank: 2, votes: 1 })
      expect(priority(b)).toMatchObject({ rank: 2, votes: 1 })
    }
  })

  it('closes the commenter’s journey when the facilitator revokes their link, and says why', async () => {
    const { id, fay, cam } = await threeOf('Revoke workshop')
    let camSockets = 0
    cam.page.on('websocket', () => {
      camSockets += 1
    })

    // A second link, for a stakeholder to look in; then the commenter's link is revoked.
    await shareLink(fay, 'viewer', 'Stakeholder preview')
    const dialog = shareDialog(fay.page)
    expect(await dialog.getByTestId('share-link-row').count()).toBe(2)
    const row = dialog.getByTestId('share-link-row').filter({ hasText: LINK_LABEL })
    expect(await row.textContent()).toContain('by you')
    await row.getByTestId('revoke-link').click()
    await fay.page.screenshot({ path: await screenshotPath('share-dialog.png') })
    await row.getByTestId('confirm-revoke').click()
    await row.waitFor({ state: 'detached' })
    expect(await dialog.getByTestId('share-link-row').count()).toBe(1)

    const status = cam.page.locator('[data-testid="connection-status"][data-refused="4403"]')
    await status.waitFor()
    expect(await status.textContent()).toContain('Link revoked')
    const details = cam.page.getByText(/^This link was revoked by an editor/)
    await details.waitFor()
    await waitForState(cam.page, 'offline')
    const attempts = camSockets
    // The stock client's back-off would have reconnected within this time.
    await cam.page.waitForTimeout(2_000)
    expect(camSockets).toBe(attempts)

    // The link no longer opens the journey, on the API either.
    const revoked = await fetch(`${room.server.url}/api/journeys/${id}/review`, {
      headers: { authorization: `Bearer ${cam.token}` },
    })
    expect(revoked.status).toBe(401)
  })
})

describe('sharing on a server without a secret', () => {
  const open = workshop()

  it('says how to turn share links on', async () => {
    const id = await open.api.createJourney('No links here')
    const { page } = await open.arrive({ name: 'Nia' }, id)
    await page.getByTestId('share-button').click()
    const dialog = shareDialog(page)
    const disabled = dialog.getByTestId('links-disabled')
    const create = dialog.getByTestId('create-link')
    // The server may refuse the list already, or only the new link.
    await disabled.or(create).first().waitFor()
    if (await create.isVisible()) await create.click()
    await disabled.waitFor()
    expect(await disabled.textContent()).toContain('TOUCHLINE_SECRET')
    expect(await disabled.textContent()).toContain('restart the server')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})
