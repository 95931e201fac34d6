export { identityKey } from './identity-key.js'
export { IdentityTokens } from './identity-tokens.js'
