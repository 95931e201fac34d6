/** Renders a JSON path like `touchpoints.3.stageId` as `touchpoints[3].stageId`. */
export function formatPath(path: string): string {
  if (!path) return '(whole file)'
  return path
    .split('.')
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('')
}
