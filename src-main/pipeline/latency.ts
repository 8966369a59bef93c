// Per-phase latency: a fixed ring of the most recent samples per phase, so recording on the
// hot path is one array write and percentiles are computed only when someone asks.
import type { PhaseLatency } from '../../src-shared/status.js';

const WINDOW = 4096;

class PhaseRing {
  readonly samples = new Float64Array(WINDOW);
  count = 0;
  next = 0;

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % WINDOW;
    this.count++;
  }

  summary(): PhaseLatency {
    const n = Math.min(this.count, WINDOW);
    if (n === 0) return { p50Ms: 0, p95Ms: 0, p99Ms: 0, count: 0 };
    const sorted = this.samples.slice(0, n).sort();
    const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))];
    return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), count: this.count };
  }
}

export class LatencyStats {
  private readonly phases = new Map<string, PhaseRing>();

  record(phase: string, ms: number): void {
    let ring = this.phases.get(phase);
    if (!ring) {
      ring = new PhaseRing();
      this.phases.set(phase, ring);
    }
    ring.record(ms);
  }

  summary(): Record<string, PhaseLatency> {
    const out: Record<string, PhaseLatency> = {};
    for (const [phase, ring] of this.phases) out[phase] = ring.summary();
    return out;
  }
}
