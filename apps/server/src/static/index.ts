export { serveWebApp, type WebAppOptions } from './serve-web-app.js'
export { defaultWebDist } from './web-dist.js'
