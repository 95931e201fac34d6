import { type NodeProps, useReactFlow } from '@xyflow/react'
import { type CSSProperties, memo, type PointerEvent, useRef, useState } from 'react'
import { StageCommentBadge } from '../../review/comments/CommentBadge'
import { useCommentTool } from '../../review/comments/use-comment-tool'
import { useActions, useCanEdit, useEditor } from '../store/editor-context'
import { ViewportLayer } from './canvas-layers'
import { COLUMN_GAP, columnAt, layoutColumns } from './column-layout'
import { StageMenu } from './StageMenu'
import './stage-column.css'
import type { StageFlowNode } from './stage-node-data'

/** Pointer travel (screen px) before a press on the header becomes a reorder drag. */
const DRAG_THRESHOLD = 5

interface HeaderDrag {
  pointerId: number
  startX: number
  active: boolean
  /** Where the stage would land: a flow x between two columns, or null for "where it is". */
  markerX: number | null
}

/**
 * A stage column: a header (rename, menu, drag to reorder) over a card area that creates a
 * touchpoint on double-click. Columns are drawn behind the cards and never dragged by React
 * Flow itself.
 */
function StageColumnNodeView({ data, width, height }: NodeProps<StageFlowNode>) {
  const { stage, index, stageCount, touchpointCount, selected, peerColor } = data
  const actions = useActions()
  const canEdit = useCanEdit()
  const { store } = useEditor()
  const flow = useReactFlow()
  const [renaming, setRenaming] = useState(false)
  const [drag, setDrag] = useState<HeaderDrag | null>(null)
  const dragRef = useRef<HeaderDrag | null>(null)
  const commentTool = useCommentTool()

  const updateDrag = (next: HeaderDrag | null) => {
    dragRef.current = next
    setDrag(next)
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || renaming) return
    if ((event.target as HTMLElement).closest('button, input')) return
    event.currentTarget.setPointerCapture(event.pointerId)
    updateDrag({
      pointerId: event.pointerId,
      startX: event.clientX,
      active: false,
      markerX: null,
    })
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = dragRef.current
    if (!current || current.pointerId !== event.pointerId) return
    const delta = event.clientX - current.startX
    const active = current.active || Math.abs(delta) > DRAG_THRESHOLD
    updateDrag({ ...current, active, markerX: active ? dropMarker(event) : null })
  }

  /** The gap the stage would be dropped into, so the drop is predictable before letting go. */
  const dropMarker = (event: PointerEvent<HTMLDivElement>): number | null => {
    const { journey } = store.getState()
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    const target = columnAt(layout, point.x)
    if (!target || target.index === index) return null
    return target.index < index
      ? target.x - COLUMN_GAP / 2
      : target.x + target.width + COLUMN_GAP / 2
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const current = dragRef.current
    updateDrag(null)
    if (!current || current.pointerId !== event.pointerId) return
    if (!current.active) {
      actions.selectStage(stage.id)
      // With the comment tool, a click on the header comments on the stage.
      commentTool.commentOn({ type: 'stage', id: stage.id })
      return
    }
    const { journey } = store.getState()
    const layout = layoutColumns(journey.stages, journey.touchpoints)
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    const target = columnAt(layout, point.x)
    if (target && target.index !== index) actions.moveStage(stage.id, target.index)
  }

  const classes = ['stage-column']
  if (selected) classes.push('is-selected')
  if (drag?.active) classes.push('is-reordering')
  if (peerColor) classes.push('is-peer-selected')
  const style = {
    width,
    height,
    ...(peerColor ? { '--peer-color': peerColor } : {}),
  } as CSSProperties

  return (
    <div className={classes.join(' ')} style={style} data-testid="stage-column" data-id={stage.id}>
      {drag?.active && drag.markerX !== null ? (
        <ViewportLayer>
          <div
            className="stage-drop-marker"
            style={{ transform: `translate(${drag.markerX - 2}px, 0)`, height }}
          />
        </ViewportLayer>
      ) : null}
      {/* biome-ignore lint/a11y/useSemanticElements: the header holds a menu button and a rename field, which a <button> may not contain. */}
      <div
        className="stage-header nodrag nopan"
        role="button"
        tabIndex={0}
        aria-label={`Stage ${stage.name}: select, drag to reorder, double-click to rename`}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !renaming) actions.selectStage(stage.id)
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => updateDrag(null)}
        onDoubleClick={(event) => {
          event.stopPropagation()
          if (canEdit) setRenaming(true)
        }}
        title="Drag to reorder, double-click to rename"
      >
        <span className="stage-index">{index + 1}</span>
        {renaming ? (
          <input
            className="stage-name-input"
            defaultValue={stage.name}
            aria-label="Stage name"
            // biome-ignore lint/a11y/noAutofocus: renaming starts on an explicit double-click.
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => {
              event.stopPropagation()
              if (event.key === 'Enter') event.currentTarget.blur()
              if (event.key === 'Escape') setRenaming(false)
            }}
            onBlur={(event) => {
              const name = event.currentTarget.value.trim()
              if (name && name !== stage.name) actions.updateStage(stage.id, { name })
              setRenaming(false)
            }}
          />
        ) : (
          <span className="stage-name">{stage.name}</span>
        )}
        <StageCommentBadge stageId={stage.id} name={stage.name} selected={selected} />
        <span className="stage-count" title={`${touchpointCount} touchpoints`}>
          {touchpointCount}
        </span>
        {canEdit ? (
          <StageMenu
            stageId={stage.id}
            index={index}
            stageCount={stageCount}
            onRename={() => setRenaming(true)}
          />
        ) : null}
      </div>
      {/* The body lets pointer events through to the pane, so panning and box selection work
          over columns; the canvas turns a double-click on the pane into a new card. */}
      <div className="stage-body">
        {touchpointCount === 0 && canEdit ? (
          <div className="stage-empty">
            <span>Double-click to add a touchpoint</span>
          </div>
        ) : null}
      </div>
    </div>
  )
}

export const StageColumnNode = memo(StageColumnNodeView)
