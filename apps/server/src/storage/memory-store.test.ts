import { describeJourneyStore } from '../../test/support/journey-store-contract.js'
import { MemoryJourneyStore } from './memory-store.js'

describeJourneyStore('MemoryJourneyStore', {
  open: async (now) => new MemoryJourneyStore({ now }),
})
