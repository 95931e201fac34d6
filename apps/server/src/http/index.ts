export type { ApiErrorBody, ApiIssue } from './api-error.js'
export type { AppEnv, HttpDeps } from './app-env.js'
export { type ApiRoutes, createHttpApp, type HttpApp } from './create-http-app.js'
export { serverVersion } from './version.js'
