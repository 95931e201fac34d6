// @hocuspocus/server with its defaults and no extensions (so: in memory, no persistence),
// the way its README starts one.
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT ?? 1234)
const address = process.env.HOST ?? '127.0.0.1'

const server = new Server({ port, address, quiet: true })
await server.listen()
