import { ThreadPopover } from './comments/ThreadPopover'
import { useReviewUi } from './ReviewUiContext'
import { StartVoteDialog } from './votes/StartVoteDialog'
import { VoteSessionBar } from './votes/VoteSessionBar'
import './comments/comments.css'
import './votes/votes.css'

/** What the review draws over the map: the vote bar, the open threads, the start-a-vote dialog. */
export function ReviewLayer() {
  const startingVote = useReviewUi((state) => state.startingVote)
  return (
    <>
      <VoteSessionBar />
      <ThreadPopover />
      {startingVote ? <StartVoteDialog /> : null}
    </>
  )
}
