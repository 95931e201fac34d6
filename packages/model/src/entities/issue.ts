/**
 * One problem found in a journey file: `path` locates it inside the journey
 * (`touchpoints[3].stageId`; top-level fields of the file are `format`, `version`, ...),
 * `message` says what is wrong in words a person understands.
 */
export interface Issue {
  path: string
  message: string
}

export type PathSegment = string | number

/** `['journey', 'touchpoints', 3, 'stageId']` -> `touchpoints[3].stageId`. */
export function formatPath(path: readonly PathSegment[]): string {
  const segments = path[0] === 'journey' && path.length > 1 ? path.slice(1) : path
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}
