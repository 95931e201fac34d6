import type { Priority } from '@touchline/model'
import { absoluteTime } from '../../home/relative-time'
import { useReviewStore } from '../ReviewContext'

function useSessionTitle(sessionId: string): { title: string; when: string | null } {
  const session = useReviewStore((state) => state.sessions.find((s) => s.id === sessionId))
  const at = session?.revealedAt ?? null
  return { title: session?.title ?? 'a dot vote', when: at ? absoluteTime(Date.parse(at)) : null }
}

/** A touchpoint's priority from the latest vote on it: rank, votes, and which vote said so. */
export function PriorityNote({ priority }: { priority: Priority }) {
  const { title, when } = useSessionTitle(priority.sessionId)
  return (
    <div
      className="priority-note"
      data-testid="touchpoint-priority"
      data-rank={priority.rank}
      data-votes={priority.votes}
    >
      <span className="priority-rank">#{priority.rank}</span>
      <span className="priority-text">
        <strong>
          Priority {priority.rank} · {priority.votes} {priority.votes === 1 ? 'vote' : 'votes'}
        </strong>
        <span>
          From “{title}”{when ? `, ${when}` : ''}
        </span>
      </span>
    </div>
  )
}

/** A pain point's or opportunity's priority, as a small chip in its row. */
export function PriorityChip({ priority }: { priority: Priority }) {
  const { title } = useSessionTitle(priority.sessionId)
  return (
    <span
      className="priority-chip"
      data-testid="item-priority"
      data-rank={priority.rank}
      data-votes={priority.votes}
      title={`Priority ${priority.rank} with ${priority.votes} ${priority.votes === 1 ? 'vote' : 'votes'} in “${title}”`}
    >
      #{priority.rank}
      <span>· {priority.votes}</span>
    </span>
  )
}
