import { describe, expect, it } from 'vitest'
import { sameState, synced } from './support/clients.js'
import { integrationScope } from './support/scope.js'
import { seedJourney, storedDoc, tempDataDir, waitFor } from './support/server.js'

const scope = integrationScope()

describe('live sync with the stock y-websocket client', () => {
  it('converges two clients, relays awareness both ways and gives a late client everything', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'journey-1', 'Launch')
    const server = await scope.server({}, dataDir)
    const a = scope.client(server.syncUrl, 'journey-1')
    const b = scope.client(server.syncUrl, 'journey-1')
    await Promise.all([synced(a), synced(b)])
    expect(a.doc.getMap('meta').get('title')).toBe('Launch')

    a.doc.getMap('touchpoints').set('t1', 'webinar')
    b.doc.getMap('touchpoints').set('t2', 'newsletter')
    b.doc.getMap('meta').set('title', 'Launch v2')
    await waitFor(
      () => a.doc.getMap('touchpoints').size === 2 && b.doc.getMap('touchpoints').size === 2,
      'both edits on both clients',
    )
    await waitFor(() => sameState(a.doc, b.doc), 'convergence')
    expect(a.doc.getMap('meta').get('title')).toBe('Launch v2')

    a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    b.provider.awareness.setLocalStateField('user', { name: 'Bo' })
    await waitFor(
      () =>
        a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bo' &&
        b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada',
      'awareness both ways',
    )

    const late = scope.client(server.syncUrl, 'journey-1')
    await synced(late)
    await waitFor(() => sameState(late.doc, a.doc), 'late client has the full state')
    expect(late.doc.getMap('touchpoints').toJSON()).toEqual({ t1: 'webinar', t2: 'newsletter' })
    await waitFor(
      () => late.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada',
      'late client sees awareness',
    )

    // A closed connection's awareness disappears for everyone else.
    const aId = a.doc.clientID
    a.provider.disconnect()
    await waitFor(
      () =>
        !b.provider.awareness.getStates().has(aId) && !late.provider.awareness.getStates().has(aId),
      'awareness removal',
    )
  })

  it('converges again when clients reconnect to a restarted server', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'restart', 'Before')
    const first = await scope.server({}, dataDir)
    const port = String(first.port)
    const a = scope.client(first.syncUrl, 'restart')
    const b = scope.client(first.syncUrl, 'restart')
    await Promise.all([synced(a), synced(b)])
    a.doc.getMap('stages').set('s1', 'Awareness')
    await waitFor(() => b.doc.getMap('stages').get('s1') === 'Awareness', 'first edit')

    await first.close()
    // Edits made while the server is down are sent on reconnect.
    a.doc.getMap('stages').set('s2', 'Consideration')
    b.doc.getMap('stages').set('s3', 'Evaluation')
    await scope.server({ PORT: port }, dataDir)
    await waitFor(
      () => a.doc.getMap('stages').size === 3 && sameState(a.doc, b.doc),
      'convergence after restart',
    )
    // Each client has the other's edit only because the server stored it first.
    const stored = await storedDoc(dataDir, 'restart')
    expect(stored.getMap('stages').toJSON()).toEqual(a.doc.getMap('stages').toJSON())
  })

  it('serves fifty clients that arrive at once', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'crowd', 'Workshop')
    const server = await scope.server({}, dataDir)
    const url = server.syncUrl
    // Each stock client in Node listens for the process's exit to withdraw its presence.
    const maxListeners = process.getMaxListeners()
    process.setMaxListeners(maxListeners + 50)
    try {
      const crowd = Array.from({ length: 50 }, () => scope.client(url, 'crowd'))
      await Promise.all(crowd.map(synced))
      expect(crowd.every((c) => c.doc.getMap('meta').get('title') === 'Workshop')).toBe(true)
      crowd[7]?.doc.getMap('votes').set('v', 7)
      await waitFor(() => crowd.every((c) => c.doc.getMap('votes').get('v') === 7), 'everyone')
    } finally {
      scope.destroyClients()
      process.setMaxListeners(maxListeners)
    }
  })

  it('syncs a client that joins while others never stop typing', async () => {
    const dataDir = tempDataDir()
    await seedJourney(dataDir, 'busy', 'Busy')
    const server = await scope.server({}, dataDir)
    const typists = [scope.client(server.syncUrl, 'busy'), scope.client(server.syncUrl, 'busy')]
    await Promise.all(typists.map(synced))
    let keystrokes = 0
    const typing = setInterval(() => {
      for (const typist of typists) typist.doc.getMap('meta').set('description', `${keystrokes++}`)
    }, 1)
    try {
      const joiner = scope.client(server.syncUrl, 'busy')
      await synced(joiner)
      expect(joiner.doc.getMap('meta').get('title')).toBe('Busy')
    } finally {
      clearInterval(typing)
    }
  })

  it('closes clients of an unknown journey with 4404 without creating it', async () => {
    const server = await scope.server()
    const ghost = scope.client(server.syncUrl, 'no-such-journey')
    await waitFor(() => ghost.closes.length > 0, 'close')
    expect(ghost.closes[0]).toBe(4404)
    await expect(storedDoc(server.dataDir, 'no-such-journey')).rejects.toThrow(/not stored/)
  })
})
