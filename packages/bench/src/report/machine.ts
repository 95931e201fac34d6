import { cpus, freemem, loadavg, totalmem } from 'node:os'

export interface Machine {
  cores: number
  cpuModel: string
  memoryGiB: number
  freeMemoryGiB: number
  node: string
  platform: string
  /** 1-minute load average when the run started: above ~0.5 per core, others were busy too. */
  loadAverageAtStart: number
}

export function describeMachine(): Machine {
  const processors = cpus()
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg()[0] ?? 0,
  }
}
