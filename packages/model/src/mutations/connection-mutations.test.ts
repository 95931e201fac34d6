import { describe, expect, it } from 'vitest'
import { readJourney } from '../doc/read-journey.js'
import { connect, removeConnections, updateConnection } from './connection-mutations.js'
import { expectOneUndoStep, ME, sampleDoc } from './journey.test-support.js'

describe('connection mutations', () => {
  it('connect draws a step and does not duplicate an identical one', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = ''] = tps
    const id = expectOneUndoStep(doc, () =>
      connect(doc, ME, { source: a, target: b, label: 'then' }),
    )
    expect(readJourney(doc).connections).toEqual([
      {
        id,
        source: a,
        target: b,
        kind: 'next',
        label: 'then',
        condition: '',
        cadence: '',
        exitCriteria: '',
      },
    ])
    expect(connect(doc, ME, { source: a, target: b })).toBe(id)
    expect(connect(doc, ME, { source: a, target: b, kind: 'handoff' })).not.toBe(id)
  })

  it('connect carries nurture cadence and exit criteria; only nurture may loop to itself', () => {
    const { doc, tps } = sampleDoc()
    const a = tps[0] ?? ''
    const id = connect(doc, ME, {
      source: a,
      target: a,
      kind: 'nurture',
      cadence: 'every 2 weeks',
      exitCriteria: 'requests a demo',
    })
    expect(readJourney(doc).connections.find((c) => c.id === id)).toMatchObject({
      kind: 'nurture',
      cadence: 'every 2 weeks',
      exitCriteria: 'requests a demo',
    })
    expect(() => connect(doc, ME, { source: a, target: a })).toThrow(
      'target: only a nurture loop can lead back to the same touchpoint',
    )
    expect(() => connect(doc, ME, { source: a, target: 'tp_none' })).toThrow(
      'target: no touchpoint with id "tp_none"',
    )
  })

  it('updateConnection edits kind, label, condition and ends', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = '', c = ''] = tps
    const id = connect(doc, ME, { source: a, target: b })
    expectOneUndoStep(doc, () =>
      updateConnection(doc, ME, id, {
        kind: 'escalation',
        condition: 'no reply in 3 days',
        target: c,
      }),
    )
    expect(readJourney(doc).connections[0]).toMatchObject({
      kind: 'escalation',
      condition: 'no reply in 3 days',
      target: c,
    })
    expect(() => updateConnection(doc, ME, id, { target: a })).toThrow(
      'only a nurture loop can lead back',
    )
  })

  it('removeConnections removes several in one step', () => {
    const { doc, tps } = sampleDoc()
    const [a = '', b = '', c = ''] = tps
    const ids = [
      connect(doc, ME, { source: a, target: b }),
      connect(doc, ME, { source: b, target: c }),
    ]
    expect(expectOneUndoStep(doc, () => removeConnections(doc, ME, [...ids, 'cn_none']))).toBe(2)
    expect(readJourney(doc).connections).toEqual([])
  })
})
