import { type ReactFlowState, useStore } from '@xyflow/react'
import type { CSSProperties } from 'react'
import { ViewportLayer } from '../canvas/canvas-layers'
import type { Peer } from './peers'

const selectZoom = (state: ReactFlowState) => state.transform[2]

/**
 * Collaborators' pointers, placed in flow coordinates so each points at the same spot of the
 * map for everyone, drawn at a constant screen size whatever the zoom.
 */
export function RemoteCursors({ peers }: { peers: readonly Peer[] }) {
  // The zoom alone: a pan moves the layer these sit in, so it needs no render here.
  const zoom = useStore(selectZoom)
  return (
    <ViewportLayer>
      <div className="remote-cursor-layer">
        {peers.map((peer) =>
          peer.cursor ? (
            <div
              key={peer.clientId}
              className="remote-cursor"
              data-testid="remote-cursor"
              data-user={peer.name}
              style={
                {
                  transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})`,
                  '--peer-color': peer.color,
                } as CSSProperties
              }
            >
              <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
                <path
                  d="M1 1 L1 17 L5.5 13 L8.5 20.5 L11.5 19.2 L8.6 11.8 L14.5 11.8 Z"
                  fill="var(--peer-color)"
                  stroke="white"
                  strokeWidth="1.5"
                  strokeLinejoin="round"
                />
              </svg>
              <span className="remote-cursor-name">{peer.name}</span>
            </div>
          ) : null,
        )}
      </div>
    </ViewportLayer>
  )
}
