/** Shown instead of the app when the server runs before the web app was built. */
export function notBuiltPage(webDist: string): string {
  const escaped = webDist.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Touchline: web app not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#f2f2f2;padding:0 .25em}</style>
</head>
<body>
<h1>The Touchline web app has not been built</h1>
<p>The server is running and its API answers at <code>/api</code>, but there is no web app in
<code>${escaped}</code>.</p>
<p>Build it with <code>pnpm build</code> (or <code>pnpm --filter @touchline/web build</code>) and
reload this page, or point <code>TOUCHLINE_WEB_DIST</code> at a built copy.</p>
</body>
</html>
`
}
