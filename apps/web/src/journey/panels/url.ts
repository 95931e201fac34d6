/** The model accepts only empty or absolute http(s) links (anything else could run script). */
export function urlProblem(value: string): string | null {
  return /^(https?:\/\/[^\s]+)?$/i.test(value.trim())
    ? null
    : 'Use a full link starting with https://'
}
