import { describeJourneyStore } from './journey-store.contract.js'
import { MemoryJourneyStore } from './memory-store.js'

describeJourneyStore('MemoryJourneyStore', {
  open: async (now) => new MemoryJourneyStore({ now }),
})
