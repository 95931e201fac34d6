import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { requireRedis, TEST_REDIS_URL } from '../../test/support/services.js'
import { createLogger } from '../log.js'
import type { FanOutMessage } from './fan-out.js'
import { decodeFanOutMessage, encodeFanOutMessage, RedisFanOut } from './redis-fan-out.js'

const logger = createLogger('silent')

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = () => {
      if (condition()) resolve()
      else if (Date.now() - started > 5_000) reject(new Error('condition not met in 5 s'))
      else setTimeout(poll, 10)
    }
    poll()
  })
}

describe('fan-out frames', () => {
  it('round-trip every kind with the publishing instance', () => {
    const update = new Uint8Array([1, 2, 3, 0, 255])
    for (const message of [
      { kind: 'update', update },
      { kind: 'awareness', update },
      { kind: 'deleted' },
    ] as FanOutMessage[]) {
      expect(decodeFanOutMessage(encodeFanOutMessage('instance-1', message))).toEqual({
        instanceId: 'instance-1',
        message,
      })
    }
    expect(decodeFanOutMessage(Buffer.from([9, 0]))).toBeNull()
    expect(decodeFanOutMessage(Buffer.from([0, 10, 1]))).toBeNull()
  })
})

describe('RedisFanOut', () => {
  const open: RedisFanOut[] = []
  const prefix = `touchline-test:${randomBytes(6).toString('hex')}:`
  const connect = async () => {
    const fanOut = await RedisFanOut.connect(TEST_REDIS_URL, { channelPrefix: prefix, logger })
    open.push(fanOut)
    return fanOut
  }
  beforeAll(requireRedis)
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fanOut) => fanOut.close()))
  })

  it('delivers to other instances, never back to the publisher, until unsubscribed', async () => {
    const [one, two] = await Promise.all([connect(), connect()])
    const heardByOne: FanOutMessage[] = []
    const heardByTwo: FanOutMessage[] = []
    const subscriptions = [
      one.subscribe('j', 'one', (message) => heardByOne.push(message)),
      two.subscribe('j', 'two', (message) => heardByTwo.push(message)),
      two.subscribe('other', 'two', (message) => heardByTwo.push(message)),
    ]
    await Promise.all(subscriptions.map((subscription) => subscription.ready))
    const update = new Uint8Array([7, 7, 7])
    one.publish('j', 'one', { kind: 'update', update })
    two.publish('j', 'two', { kind: 'awareness', update })
    await waitFor(() => heardByOne.length === 1 && heardByTwo.length === 1)
    expect(heardByTwo).toEqual([{ kind: 'update', update }])
    expect(heardByOne).toEqual([{ kind: 'awareness', update }])
    subscriptions[1]?.unsubscribe()
    one.publish('j', 'one', { kind: 'deleted' })
    two.publish('j', 'two', { kind: 'deleted' })
    await waitFor(() => heardByOne.length === 2)
    expect(heardByTwo).toHaveLength(1)
  })

  it('asks subscribers to catch up after the connection was lost, and still delivers', async () => {
    const name = `touchline-test-${randomBytes(6).toString('hex')}`
    const one = await RedisFanOut.connect(TEST_REDIS_URL, {
      channelPrefix: prefix,
      logger,
      connectionName: name,
    })
    open.push(one)
    const two = await connect()
    const heard: FanOutMessage[] = []
    await one.subscribe('lost', 'one', (message) => heard.push(message)).ready
    const admin = new Redis(TEST_REDIS_URL)
    const clients = (await admin.client('LIST')) as string
    const subscriber = clients
      .split('\n')
      .find((line) => line.includes(` name=${name}-subscriber `))
    const clientId = subscriber?.match(/^id=(\d+)/)?.[1]
    if (clientId === undefined) throw new Error('subscriber connection not found')
    await admin.client('KILL', 'ID', clientId)
    await admin.quit()
    await waitFor(() => heard.some((message) => message.kind === 'resync'))
    two.publish('lost', 'two', { kind: 'deleted' })
    await waitFor(() => heard.some((message) => message.kind === 'deleted'))
  })

  it('says where it failed to connect', async () => {
    await expect(
      RedisFanOut.connect('redis://127.0.0.1:1', { channelPrefix: prefix, logger }),
    ).rejects.toThrow(/cannot connect to Redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/)
  })
})
