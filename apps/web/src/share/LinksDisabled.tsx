/** Why this server makes no links, and the one setting that changes that. */
export function LinksDisabled() {
  return (
    <div className="share-disabled" role="status" data-testid="links-disabled">
      <strong>Share links are off on this server.</strong>
      <p>
        It has no <code>TOUCHLINE_SECRET</code>, so it checks no access tokens: everyone who can
        reach it may edit every journey, and a link could not limit that.
      </p>
      <p>
        To turn links on, set <code>TOUCHLINE_SECRET</code> in the server’s environment to a long
        random value (for example the output of <code>openssl rand -hex 32</code>) and restart the
        server.
      </p>
    </div>
  )
}
