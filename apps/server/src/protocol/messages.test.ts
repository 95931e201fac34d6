import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
} from './messages.js'

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('meta').set('title', text)
  return doc
}

/** Frames exactly as the stock y-websocket client writes them. */
function clientFrame(write: (encoder: encoding.Encoder) => void, type = 0): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

describe('decodeMessage', () => {
  it('reads the stock client sync step 1, step 2 and update frames', () => {
    const doc = docWithText('hello')
    const step1 = clientFrame((e) => syncProtocol.writeSyncStep1(e, doc))
    expect(decodeMessage(step1)).toEqual({
      type: 'sync-step-1',
      stateVector: Y.encodeStateVector(doc),
    })
    const step2 = clientFrame((e) => syncProtocol.writeSyncStep2(e, doc))
    expect(decodeMessage(step2)).toEqual({
      type: 'sync-step-2',
      update: Y.encodeStateAsUpdate(doc),
    })
    const update = Y.encodeStateAsUpdate(doc)
    const updateFrame = clientFrame((e) => syncProtocol.writeUpdate(e, update))
    expect(decodeMessage(updateFrame)).toEqual({ type: 'update', update })
  })

  it('reads awareness and query-awareness frames', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: 'ada' })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    const frame = clientFrame((e) => encoding.writeVarUint8Array(e, update), 1)
    expect(decodeMessage(frame)).toEqual({ type: 'awareness', update })
    expect(decodeMessage(clientFrame(() => {}, 3))).toEqual({ type: 'query-awareness' })
    awareness.destroy()
  })

  it('round-trips what it encodes', () => {
    const bytes = new Uint8Array([1, 2, 3])
    expect(decodeMessage(encodeSyncStep1(bytes))).toEqual({
      type: 'sync-step-1',
      stateVector: bytes,
    })
    expect(decodeMessage(encodeSyncStep2(bytes))).toEqual({ type: 'sync-step-2', update: bytes })
    expect(decodeMessage(encodeUpdate(bytes))).toEqual({ type: 'update', update: bytes })
    expect(decodeMessage(encodeAwareness(bytes))).toEqual({ type: 'awareness', update: bytes })
    expect(decodeMessage(encodeQueryAwareness())).toEqual({ type: 'query-awareness' })
  })

  it('refuses empty, unknown, truncated and over-long frames', () => {
    const update = Y.encodeStateAsUpdate(docWithText('hello'))
    const full = encodeUpdate(update)
    const bad = [
      new Uint8Array([]),
      new Uint8Array([7]),
      new Uint8Array([0, 9, 0]),
      new Uint8Array([0]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      full.slice(0, full.length - 1),
      new Uint8Array([...full, 0]),
      // The auth message type is server-to-client only.
      new Uint8Array([2, 0]),
    ]
    for (const frame of bad) expect(() => decodeMessage(frame)).toThrow(ProtocolError)
  })

  it('never throws anything but ProtocolError on random bytes', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 40) }, () =>
        Math.floor(random() * 256),
      )
      try {
        decodeMessage(bytes)
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
      }
    }
  })
})
