/// <reference types="node" />
// biome-ignore lint/style/noRestrictedImports: a build script, run by Node only
import { writeFileSync } from 'node:fs'
import { journeyJsonSchema } from '../src/json/journey-json-schema.js'

const target = new URL('../schema/journey.v1.schema.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`)
process.stdout.write(`wrote ${target.pathname}\n`)
