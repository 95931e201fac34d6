import { ID_PREFIXES } from '../constants.js'
import { createId } from '../create-id.js'
import type { Item } from '../entities/item.js'

/** A new pain point or opportunity entry with its own id (votes point at it). */
export function createItem(text: string): Item {
  return { id: createId(ID_PREFIXES.item), text, priority: null }
}
