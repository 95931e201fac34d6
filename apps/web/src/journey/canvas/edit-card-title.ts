import type { JourneyActions } from '../store/journey-actions'

/**
 * Selects a card, opens the inspector and puts the cursor in its title, as in a design tool:
 * double-click or Enter on a card goes straight to editing it.
 */
export function editCardTitle(actions: JourneyActions, id: string): void {
  actions.select({ touchpoints: [id], connections: [], stageId: null })
  actions.setPanel('inspector')
  requestAnimationFrame(() => {
    const title = document.querySelector<HTMLInputElement>(
      '[data-testid="inspector"] [data-testid="touchpoint-title"]',
    )
    title?.focus()
    title?.select()
  })
}
