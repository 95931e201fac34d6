import * as Y from 'yjs'

/**
 * What a connection may change in a journey. Commenters share the document with editors
 * (comments and votes live in it), so their updates are checked before they are applied.
 */
export type Access = 'write' | 'comment' | 'read'

/** The top-level maps a commenter may change. */
const COMMENT_ROOTS: ReadonlySet<string> = new Set(['comments', 'votes'])

/**
 * Whether `update` changes nothing but comments and votes when applied to `state` (the
 * room's current full state). It is tried on a scratch copy, since a CRDT update cannot be
 * taken back once applied. Parts that cannot be integrated yet are refused too: they would
 * otherwise be applied later, unchecked, when their missing context arrives.
 */
export function changesOnlyComments(state: Uint8Array, update: Uint8Array): boolean {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, state)
  let allowed = true
  probe.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) {
      let root = type
      while (root.parent !== null) root = root.parent
      if (!COMMENT_ROOTS.has(Y.findRootTypeKey(root))) allowed = false
    }
  })
  Y.applyUpdate(probe, update)
  if (probe.store.pendingStructs !== null || probe.store.pendingDs !== null) allowed = false
  probe.destroy()
  return allowed
}
