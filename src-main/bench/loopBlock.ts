// Event-loop health of the parent (the process that would serve the UI and the LAN) while the
// judgehost child judges: delay from perf_hooks.monitorEventLoopDelay plus event-loop utilisation.
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { round } from './stats.ts';

/** Sampling interval of the delay monitor (ms); every sample includes it, so it is subtracted. */
const RESOLUTION_MS = 1;

export interface LoopDelay {
  /** Delay beyond the sampling interval (ms). */
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
  /** Share of the time the parent's event loop was busy (0..1). */
  utilization: number;
}

export class LoopMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private elu: EventLoopUtilization | null = null;

  start(): this {
    this.histogram.reset();
    this.histogram.enable();
    this.elu = performance.eventLoopUtilization();
    return this;
  }

  stop(): LoopDelay {
    this.histogram.disable();
    const utilization = this.elu ? performance.eventLoopUtilization(this.elu).utilization : 0;
    const ms = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS));
    const h = this.histogram;
    return {
      p50: ms(h.percentile(50)),
      p99: ms(h.percentile(99)),
      max: ms(h.max),
      mean: ms(h.mean),
      samples: h.count,
      utilization: round(utilization, 4),
    };
  }
}
