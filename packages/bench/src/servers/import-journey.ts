import { exportJourney } from '@touchline/model'
import { largeJourneyDoc } from '../journeys/large-journey.js'
import type { RunningServer } from './running-server.js'

/** Stores the deterministic journey of `touchpoints` cards through the import API. */
export async function importLargeJourney(
  server: RunningServer,
  touchpoints: number,
): Promise<string> {
  const body = JSON.stringify(exportJourney(largeJourneyDoc(touchpoints)))
  const response = await fetch(`${server.httpOrigin}/api/journeys/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  const answer: unknown = await response.json()
  if (
    response.status !== 201 ||
    typeof answer !== 'object' ||
    answer === null ||
    !('id' in answer)
  ) {
    throw new Error(
      `import of ${touchpoints} touchpoints -> ${response.status} ${JSON.stringify(answer).slice(0, 400)}`,
    )
  }
  return String(answer.id)
}
