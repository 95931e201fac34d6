export {
  type Auth,
  type AuthDecision,
  type AuthOptions,
  type AuthTarget,
  authConfigError,
  createAuth,
  type Grant,
  grantCovers,
  type LinkRevocations,
  MIN_SECRET_LENGTH,
} from './auth.js'
export { MAX_TTL_SECONDS, parseTtl } from './duration.js'
export { isLoopbackHost } from './loopback.js'
export { type TokenCarrier, tokenFromRequest } from './request-token.js'
export { isRole, ROLES, type Role, roleAllows } from './roles.js'
export { signToken, type TokenClaims, type TokenScope, verifyToken } from './token.js'
