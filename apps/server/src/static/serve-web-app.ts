import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, relative, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { Context, MiddlewareHandler } from 'hono'
import { contentTypeFor } from './content-type.js'
import { notBuiltPage } from './not-built-page.js'

export type WebAppOptions = { webDist: string }

/** Vite names built assets `assets/<name>-<hash>.<ext>`: their content never changes. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (index.html above all) is revalidated so a new build shows up at once. */
const REVALIDATE = 'no-cache'

/** Paths the server answers itself; the app must never shadow them. */
function isReserved(path: string): boolean {
  return /^\/(api|sync)(\/|$)/.test(path)
}

/**
 * Serves the built web app: files as they are, and index.html for every other
 * GET so client-side routes such as /j/:id survive a reload.
 */
export function serveWebApp(options: WebAppOptions): MiddlewareHandler {
  const root = resolve(options.webDist)
  const indexFile = resolve(root, 'index.html')

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const path = decodePath(new URL(c.req.url).pathname)
    if (path === null) return c.text('Bad request path', 400)
    if (isReserved(path)) return next()

    const file = locate(root, path)
    if (file) {
      const info = await stat(file).catch(() => null)
      if (info?.isFile()) {
        const rel = relative(root, file).split(sep).join('/')
        return send(c, file, info, HASHED_ASSET.test(rel) ? IMMUTABLE : REVALIDATE)
      }
    }
    // A missing file with an extension is a broken asset link: answering it with
    // index.html would surface as a baffling MIME error in the browser.
    if (extname(path) !== '') return c.text('Not found', 404)

    const index = await stat(indexFile).catch(() => null)
    if (!index?.isFile()) {
      c.header('Cache-Control', 'no-store')
      return c.html(notBuiltPage(root), 503)
    }
    return send(c, indexFile, index, REVALIDATE)
  }
}

function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname)
    return decoded.includes('\0') ? null : decoded
  } catch {
    return null
  }
}

/** Resolves a URL path inside the build folder, refusing traversal and dotfiles. */
function locate(root: string, path: string): string | null {
  const file = resolve(root, `.${path}`)
  if (file !== root && !file.startsWith(root + sep)) return null
  const rel = relative(root, file)
  if (rel.split(sep).some((segment) => segment.startsWith('.'))) return null
  return file
}

type FileInfo = { size: number; mtimeMs: number; mtime: Date }

function send(c: Context, file: string, info: FileInfo, cacheControl: string): Response {
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  const headers = new Headers({
    'Content-Type': contentTypeFor(file),
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    // Share links carry their token in the query string: never hand it to other sites.
    'Referrer-Policy': 'no-referrer',
  })
  if (headers.get('Content-Type')?.startsWith('text/html')) {
    // An editor link in a hidden frame on another site could be clicked through unseen.
    headers.set('Content-Security-Policy', "frame-ancestors 'none'")
    headers.set('X-Frame-Options', 'DENY')
  }
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers })
  headers.set('Content-Length', String(info.size))
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers })
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
  return new Response(body, { status: 200, headers })
}
