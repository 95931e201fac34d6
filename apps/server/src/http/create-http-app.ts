import { Hono } from 'hono'
import { serveWebApp } from '../static/index.js'
import { apiErrorHandler, apiNotFound } from './api-error.js'
import type { AppEnv, HttpDeps } from './app-env.js'
import { importRoute } from './import-route.js'
import { journeyRoutes } from './journey-routes.js'
import { metaRoutes } from './meta-routes.js'
import { shareRoute } from './share-route.js'

/**
 * The HTTP side of the server: the JSON API under /api and the web app at /. The web app
 * middleware passes /sync through, so the WebSocket route can be added to the result.
 */
export function createHttpApp(deps: HttpDeps) {
  const api = new Hono<AppEnv>()
    .route('/', metaRoutes(deps))
    // Registered before the `:id` routes so "import" is never read as a journey id.
    .route('/journeys/import', importRoute(deps))
    .route('/journeys', journeyRoutes(deps))
    .route('/journeys', shareRoute(deps))

  const app = new Hono<AppEnv>()
  if (deps.webDist !== undefined) app.use('*', serveWebApp({ webDist: deps.webDist }))
  app.route('/api', api)
  app.notFound(apiNotFound)
  app.onError(apiErrorHandler(deps.logger))
  return app
}

export type HttpApp = ReturnType<typeof createHttpApp>
