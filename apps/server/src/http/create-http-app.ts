import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { serveWebApp } from '../static/index.js'
import { apiErrorHandler, apiNotFound } from './api-error.js'
import { apiGuards } from './api-guards.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { identityRoute } from './identity-route.js'
import { importRoute } from './import-route.js'
import { journeyRoutes } from './journey-routes.js'
import { loopbackHostGuard } from './loopback-host-guard.js'
import { metaRoutes } from './meta-routes.js'
import { requestLog } from './request-log.js'
import { reviewRoutes } from './review-routes.js'
import { shareRoute } from './share-route.js'

/** The JSON API, typed route by route (`hono/client` can be pointed at `ApiRoutes`). */
function apiRoutes(deps: HttpDeps) {
  return (
    new Hono<AppEnv>()
      .use('*', apiGuards)
      .route('/', metaRoutes(deps))
      .route('/identity', identityRoute(deps))
      // Registered before the `:id` routes so "import" is never read as a journey id.
      .route('/journeys/import', importRoute(deps))
      .route('/journeys', journeyRoutes(deps))
      .route('/journeys', reviewRoutes(deps))
      .route('/journeys', shareRoute(deps))
  )
}

export type ApiRoutes = ReturnType<typeof apiRoutes>

/**
 * The HTTP side of the server: the JSON API under /api and the web app at /. Guards are
 * registered first so they also cover routes added to the result, such as the WebSocket
 * endpoint at /sync, which the web app middleware passes through.
 */
export function createHttpApp(deps: HttpDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', requestLog(deps.logger))
  if (!deps.auth.required) app.use('*', loopbackHostGuard)
  // Scripts and journey files shrink several times over; socket upgrades have no body.
  app.use('*', compress())
  if (deps.webDist !== undefined) app.use('*', serveWebApp({ webDist: deps.webDist }))
  app.route('/api', apiRoutes(deps))
  app.notFound(apiNotFound)
  app.onError(apiErrorHandler(deps.logger))
  return app
}

export type HttpApp = ReturnType<typeof createHttpApp>
