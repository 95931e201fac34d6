import type * as Y from 'yjs'

/**
 * What the HTTP layer needs from the live rooms: read a journey as it is right now, and
 * delete one while people may be connected to it. `RoomRegistry` implements it.
 */
export interface JourneyDocs {
  /**
   * An independent copy of the journey's current state: the live room's document when the
   * room is loaded (including edits not yet compacted), otherwise loaded from storage and
   * migrated. Null for an unknown journey; `UnsupportedJourneyError` for one this server
   * cannot read. The copy may be read or mutated freely.
   */
  readDoc(journeyId: string): Promise<Y.Doc | null>
  /**
   * Deletes the journey from storage and closes every connection to it with 4410
   * (`CLOSE_CODES.journeyDeleted`). False when it did not exist.
   */
  deleteJourney(journeyId: string): Promise<boolean>
}
