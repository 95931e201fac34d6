/** A plain-text table with right-aligned numbers, for the terminal and for BENCHMARKS.md. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return column === 0 ? cell.padEnd(width) : cell.padStart(width)
      })
      .join(' | ')} |`
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}

export const ms = (value: number | undefined | null): string =>
  value === undefined || value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(1)

export const count = (value: number): string => Math.round(value).toLocaleString('en-US')

export const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0)

export const ratio = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}x`
