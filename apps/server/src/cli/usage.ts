export const USAGE = `touchline: the Touchline server and its tools

Usage:
  touchline serve
      Run the server (configured by environment variables: PORT, HOST,
      TOUCHLINE_DATA_DIR, TOUCHLINE_SECRET, ... see the README).
  touchline validate FILE... [--json]
      Check journey files ("-" reads standard input); exits 1 and lists every
      issue if any file is invalid.
  touchline import FILE [--server URL] [--token TOKEN]
      Upload a journey file to a running server; prints the new journey's id.
  touchline export ID [--server URL] [--token TOKEN] [--out FILE]
      Download a journey as JSON (to FILE, or to standard output).
  touchline token --journey ID|* --role viewer|commenter|editor [--ttl 7d]
      Mint an access token signed with TOUCHLINE_SECRET.

Options:
  --server URL   Server to talk to (default: $TOUCHLINE_SERVER or http://127.0.0.1:8787)
  --token TOKEN  Access token (default: $TOUCHLINE_TOKEN)
  --ttl DURATION Token lifetime: 30m, 12h, 7d, 2w ... (default 7d, at most 366d)
  -h, --help     Show this help

Exit codes: 0 success, 1 invalid file or refused request, 2 wrong usage or configuration.
`
