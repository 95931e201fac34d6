import * as Y from 'yjs'
import type { Logger } from '../log.js'
import {
  type ClientMessage,
  isWellFormedStateVector,
  isWellFormedUpdate,
  ProtocolError,
} from '../protocol/index.js'
import { CLOSE_CODES } from '../sync/close-codes.js'
import type { FullStateCache } from './full-state-cache.js'
import type { Peer } from './peer.js'
import type { RoomAwareness } from './room-awareness.js'

/** What answering a live room's client needs of the room. */
export interface ClientMessageContext {
  readonly journeyId: string
  readonly doc: Y.Doc
  /** Null for a document without presence (a review document): clients' states are dropped. */
  readonly presence: RoomAwareness | null
  readonly fullState: FullStateCache
  readonly logger: Logger
  /** Still connected: a reply read later is not sent to someone who left meanwhile. */
  isMember(peer: Peer): boolean
  /** Hands `deliver` what `take` read once that state is stored (`GroupCommit.readDurable`). */
  readDurable(take: () => Uint8Array, deliver: (taken: Uint8Array) => void): void
  expel(peer: Peer, code: number, reason: string): void
}

/** Closes a client that sent something malformed, saying why in the log only. */
export function refuse(room: ClientMessageContext, peer: Peer, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error)
  room.logger.info(
    { journey: room.journeyId, peer: peer.label, reason: detail },
    'refused a message',
  )
  room.expel(peer, CLOSE_CODES.malformedMessage, 'malformed message')
}

function applyClientUpdate(room: ClientMessageContext, peer: Peer, update: Uint8Array): void {
  // Dropped, not refused: a read-only client's editor may still produce local edits.
  if (peer.access === 'read') return
  if (!isWellFormedUpdate(update)) {
    refuse(room, peer, new ProtocolError('malformed document update'))
    return
  }
  try {
    Y.applyUpdate(room.doc, update, peer)
  } catch (error) {
    refuse(room, peer, error)
  }
}

/** One decoded message from a client of a live room, within what its access allows. */
export function handleClientMessage(
  room: ClientMessageContext,
  peer: Peer,
  message: ClientMessage,
): void {
  switch (message.type) {
    case 'sync-step-1': {
      if (!isWellFormedStateVector(message.stateVector)) {
        refuse(room, peer, new ProtocolError('malformed state vector'))
        return
      }
      room.readDurable(
        () => room.fullState.syncStep2For(message.stateVector),
        (reply) => {
          if (room.isMember(peer)) peer.send(reply)
        },
      )
      return
    }
    case 'sync-step-2':
    case 'update':
      applyClientUpdate(room, peer, message.update)
      return
    case 'awareness':
      // The stock client announces itself on every socket; where nobody has presence
      // that is dropped like a reader's update, not refused.
      if (room.presence === null) return
      try {
        room.presence.apply(peer, message.update)
      } catch (error) {
        refuse(room, peer, error)
      }
      return
    case 'query-awareness': {
      const presence = room.presence?.stateFrame() ?? null
      if (presence !== null) peer.send(presence)
      return
    }
  }
}
