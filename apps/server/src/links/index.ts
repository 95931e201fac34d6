export { linkRevocations } from './link-revocations.js'
export { type CloseWatched, LinkWatch } from './link-watch.js'
export {
  addShareLink,
  isLinkActive,
  listShareLinks,
  readShareLink,
  revokeShareLink,
  type ShareLink,
} from './share-link.js'
