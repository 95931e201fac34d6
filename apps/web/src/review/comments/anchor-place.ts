import type { CommentAnchor, Journey, Stage, Touchpoint } from '@touchline/model'

/** The journey looked up by id, built once per journey change rather than once per thread. */
export interface MapIndex {
  touchpoints: ReadonlyMap<string, Touchpoint>
  stages: ReadonlyMap<string, Stage>
}

export function indexMap(journey: Pick<Journey, 'touchpoints' | 'stages'>): MapIndex {
  return {
    touchpoints: new Map(journey.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint])),
    stages: new Map(journey.stages.map((stage) => [stage.id, stage])),
  }
}

/** Where a thread is, in words: "Pain point" + "Forms ask too much", or "Stage" + "Awareness". */
export interface AnchorPlace {
  kind: string
  label: string
  /** The card it is on, for an item: "on Pricing page". */
  within: string | null
  /** The stage it belongs to, for grouping; null for a canvas spot or a removed target. */
  stageId: string | null
  /** Its target was deleted from the map (the thread itself stays). */
  gone: boolean
}

const LIST_KIND = { painPoints: 'Pain point', opportunities: 'Opportunity' } as const

export function anchorPlace(anchor: CommentAnchor, index: MapIndex): AnchorPlace {
  switch (anchor.type) {
    case 'touchpoint': {
      const touchpoint = index.touchpoints.get(anchor.id)
      return {
        kind: 'Touchpoint',
        label: touchpoint?.title ?? 'A removed touchpoint',
        within: null,
        stageId: touchpoint?.stageId ?? null,
        gone: !touchpoint,
      }
    }
    case 'item': {
      const touchpoint = index.touchpoints.get(anchor.touchpointId)
      const item = touchpoint?.[anchor.list].find((entry) => entry.id === anchor.itemId)
      return {
        kind: LIST_KIND[anchor.list],
        label: item?.text ?? `A removed ${LIST_KIND[anchor.list].toLowerCase()}`,
        within: touchpoint?.title ?? null,
        stageId: item ? (touchpoint?.stageId ?? null) : null,
        gone: !item,
      }
    }
    case 'stage': {
      const stage = index.stages.get(anchor.id)
      return {
        kind: 'Stage',
        label: stage?.name ?? 'A removed stage',
        within: null,
        stageId: stage ? anchor.id : null,
        gone: !stage,
      }
    }
    case 'canvas':
      return {
        kind: 'On the map',
        label: 'A spot on the canvas',
        within: null,
        stageId: null,
        gone: false,
      }
  }
}

/** The ids to select and frame for an anchor (none for a canvas spot, framed by its point). */
export function anchorTargets(anchor: CommentAnchor): string[] {
  switch (anchor.type) {
    case 'touchpoint':
      return [anchor.id]
    case 'item':
      return [anchor.touchpointId]
    case 'stage':
      return [anchor.id]
    case 'canvas':
      return []
  }
}
