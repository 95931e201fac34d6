import * as Y from 'yjs'

/**
 * What a connection may change in a journey. Commenters share the document with editors
 * (comments and votes live in it), so their updates are checked before they are applied.
 */
export type Access = 'write' | 'comment' | 'read'

/** The top-level maps a commenter may change. */
const COMMENT_ROOTS: ReadonlySet<string> = new Set(['comments', 'votes'])

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * Where an item goes whose parent or neighbour was collected (a deleted type's content):
 * Yjs collects it on arrival too, so it changes nothing anyone can see.
 */
const COLLECTED = Symbol('collected')

/** A top-level map's name, COLLECTED, or null when the place cannot be told. */
type Place = string | typeof COLLECTED | null

/**
 * Whether `update` changes nothing but comments and votes of `doc`. Read from the update's
 * structure, without applying anything (a CRDT update cannot be taken back once applied,
 * and trying it on a copy of a large journey would cost a copy per vote): each new item is
 * placed through its parent, or the neighbour it was inserted next to, up to its top-level
 * map, and each deletion's target is looked up. What cannot be placed, because it depends
 * on changes the room has not seen, is refused too: it would otherwise be applied later,
 * unchecked, when its missing context arrives.
 */
export function changesOnlyComments(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  const places = new UpdatePlaces(doc, structs)
  if (!places.continuesTheRoom()) return false
  for (const struct of structs) {
    // Garbage and gaps place nothing; what the room has whole already changes nothing.
    if (!(struct instanceof Y.Item) || known(doc, struct)) continue
    if (!inComments(places.of(struct))) return false
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if (!places.deletesOnlyComments(client, clock, len)) return false
    }
  }
  return true
}

function inComments(place: Place): boolean {
  return place === COLLECTED || (typeof place === 'string' && COMMENT_ROOTS.has(place))
}

function known(doc: Y.Doc, struct: Struct): boolean {
  return struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)
}

/** The top-level map a document item lives in. */
function rootOfStored(item: Y.Item): string | null {
  let type = item.parent
  while (type instanceof Y.AbstractType && type._item !== null) type = type._item.parent
  return type instanceof Y.AbstractType ? Y.findRootTypeKey(type) : null
}

/** Where the items of one update go, found in the update itself or in the document. */
class UpdatePlaces {
  readonly #doc: Y.Doc
  /** The update's structs per client, in clock order (as an update lists them). */
  readonly #byClient = new Map<number, Struct[]>()
  readonly #placed = new Map<Y.Item, Place>()

  constructor(doc: Y.Doc, structs: readonly Struct[]) {
    this.#doc = doc
    for (const struct of structs) {
      const list = this.#byClient.get(struct.id.client)
      if (list) list.push(struct)
      else this.#byClient.set(struct.id.client, [struct])
    }
  }

  /**
   * Whether each client's new structs start exactly where the room's state of that client
   * ends, without gaps. A struct overlapping what the room has is integrated by Yjs from
   * an offset, next to whatever item of the room precedes it; one beyond the room's state
   * waits, unchecked, for the gap to be filled by someone else.
   */
  continuesTheRoom(): boolean {
    for (const [client, list] of this.#byClient) {
      let next = Y.getState(this.#doc.store, client)
      for (const struct of list) {
        if (known(this.#doc, struct)) continue
        if (struct instanceof Y.Skip || struct.id.clock !== next) return false
        next += struct.length
      }
    }
    return true
  }

  /** Where `item` (from the update) goes. */
  of(item: Y.Item): Place {
    if (this.#placed.has(item)) return this.#placed.get(item) ?? null
    // Marks the item while it is being placed: a cycle of references places nowhere.
    this.#placed.set(item, null)
    const parent: unknown = item.parent
    let root: Place = null
    if (typeof parent === 'string') root = parent
    else if (parent instanceof Y.ID) root = this.#rootAt(parent, true)
    else {
      // No parent written: the item goes where the neighbour it was inserted next to is.
      const neighbour = item.origin ?? item.rightOrigin
      root = neighbour === null ? null : this.#rootAt(neighbour, false)
    }
    this.#placed.set(item, root)
    return root
  }

  /** Whether deleting `len` clocks of `client` from `clock` on touches only comments. */
  deletesOnlyComments(client: number, clock: number, len: number): boolean {
    const end = clock + len
    const stored = this.#doc.store.clients.get(client) ?? []
    const storedEnd = Y.getState(this.#doc.store, client)
    if (clock < storedEnd) {
      for (let index = Y.findIndexSS(stored, clock); index < stored.length; index++) {
        const struct = stored[index] as Struct
        if (struct.id.clock >= end) break
        // Already deleted: deleting it again changes nothing.
        if (struct instanceof Y.Item && !struct.deleted && !inComments(rootOfStored(struct))) {
          return false
        }
      }
    }
    // Beyond what the room has, only what this same update brings can be deleted: its
    // items, or its garbage (content its sender already deleted), which changes nothing.
    for (let at = Math.max(clock, storedEnd); at < end; ) {
      const incoming = this.#find(client, at)
      if (incoming === null || incoming instanceof Y.Skip) return false
      if (incoming instanceof Y.Item && !inComments(this.of(incoming))) return false
      at = incoming.id.clock + incoming.length
    }
    return true
  }

  /**
   * Where whatever holds `id` is, in the update or in the document. As a `parent`, it must
   * hold a type: a deleted one's content is gone, and what is put in it is collected.
   */
  #rootAt(id: Y.ID, parent: boolean): Place {
    // What the room has is read from the room, whatever the update claims to hold there.
    const stored = this.#stored(id)
    const incoming = stored === undefined ? this.#find(id.client, id.clock) : null
    const holder = stored ?? incoming ?? undefined
    if (holder === undefined) return null
    if (!(holder instanceof Y.Item)) return holder instanceof Y.GC ? COLLECTED : null
    if (parent && !(holder.content instanceof Y.ContentType)) return COLLECTED
    return holder === incoming ? this.of(holder) : rootOfStored(holder)
  }

  /** The document's struct holding `id`; undefined when the room has not seen it. */
  #stored(id: Y.ID): Struct | undefined {
    if (id.clock >= Y.getState(this.#doc.store, id.client)) return undefined
    return Y.getItem(this.#doc.store, id)
  }

  /** The update's struct holding `clock` of `client`, or null. */
  #find(client: number, clock: number): Struct | null {
    const list = this.#byClient.get(client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle] as Struct
      if (clock < struct.id.clock) high = middle - 1
      else if (clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return null
  }
}
