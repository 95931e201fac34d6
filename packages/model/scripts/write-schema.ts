/// <reference types="node" />
// biome-ignore lint/style/noRestrictedImports: a build script, run by Node only
import { writeFileSync } from 'node:fs'
import { SCHEMA_VERSION } from '../src/constants.js'
import { journeyJsonSchema } from '../src/json/journey-json-schema.js'

// Older versions' files stay as they were, for history.
const target = new URL(`../schema/journey.v${SCHEMA_VERSION}.schema.json`, import.meta.url)
writeFileSync(target, `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`)
process.stdout.write(`wrote ${target.pathname}\n`)
