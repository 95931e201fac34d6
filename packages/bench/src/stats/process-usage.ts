// CPU time and resident memory of another process, read from /proc the way `pidusage` does,
// so the harness measures each server from the outside with no help from the server.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
const PAGE_BYTES =
  Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096

export interface ProcessSample {
  /** CPU seconds spent in user mode since the process started. */
  userSeconds: number
  /** CPU seconds spent in the kernel on the process's behalf. */
  systemSeconds: number
  rssBytes: number
}

export function sampleProcess(pid: number): ProcessSample | null {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // The command name (field 2) may contain spaces and parentheses: fields restart after the
  // last ')'. There, index 0 is field 3 (state), so utime (14) is 11, stime 12, rss (24) 21.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    userSeconds: Number(fields[11]) / CLOCK_TICKS,
    systemSeconds: Number(fields[12]) / CLOCK_TICKS,
    rssBytes: Number(fields[21]) * PAGE_BYTES,
  }
}

export interface UsageWindow {
  userSeconds: number
  systemSeconds: number
  /** CPU use over the window: 1.0 is one core fully busy. */
  cpuCores: number
  peakRssBytes: number
}

/** Follows a process over a window: CPU time consumed in it, and the highest RSS seen. */
export class UsageMeter {
  private readonly start: ProcessSample | null
  private readonly startedAt = performance.now()
  private peakRss: number
  private readonly timer: NodeJS.Timeout

  constructor(private readonly pid: number) {
    this.start = sampleProcess(pid)
    this.peakRss = this.start?.rssBytes ?? 0
    this.timer = setInterval(() => {
      const sample = sampleProcess(this.pid)
      if (sample && sample.rssBytes > this.peakRss) this.peakRss = sample.rssBytes
    }, 200)
    this.timer.unref()
  }

  stop(): UsageWindow {
    clearInterval(this.timer)
    const end = sampleProcess(this.pid)
    const seconds = (performance.now() - this.startedAt) / 1000
    if (!this.start || !end) {
      return { userSeconds: 0, systemSeconds: 0, cpuCores: 0, peakRssBytes: this.peakRss }
    }
    const userSeconds = end.userSeconds - this.start.userSeconds
    const systemSeconds = end.systemSeconds - this.start.systemSeconds
    return {
      userSeconds,
      systemSeconds,
      cpuCores: seconds > 0 ? (userSeconds + systemSeconds) / seconds : 0,
      peakRssBytes: Math.max(this.peakRss, end.rssBytes),
    }
  }
}
