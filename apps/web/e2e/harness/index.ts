export { type TestApi, testApi } from './api.js'
export {
  launchBrowser,
  openJourney,
  openPerson,
  type Person,
  type PersonOptions,
  waitForSent,
  waitForState,
} from './browser.js'
export { addCard, card, cardIds, withoutExportTime } from './journey-page.js'
export { type RunningServer, startServer } from './server.js'
export { mintToken } from './token.js'
