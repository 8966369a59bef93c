// When the ML engine runs: every `interval_s` of DATA time (packet timestamps, never the wall
// clock) counted from the first packet, on the last `window_s` of samples, so a replay at any
// speed triggers exactly where the live feed would, whatever time origin the source gives a
// recording (a depth log played live is stamped from "now", `npm run replay` from a fixed date).
// Also on demand ("run now"). Runs are chained: one at a time, in order.
import type { Campaign } from '../../src-shared/campaign.js';
import type { MlReport, MlSample, MlSkip } from '../../src-shared/ml.js';
import type { MlRunContext } from './analyze.js';
import { drillingCountOf, MlSampleRing } from './collect.js';
import { MIN_DRILLING_SAMPLES } from './constants.js';
import type { MlRunner } from './runner.js';

export interface MlSchedulerSettings {
  enabled: boolean;
  intervalS: number;
  windowS: number;
  campaign: Campaign;
  wellId: string;
  field: string;
}

export interface MlSchedulerDeps {
  settings: () => MlSchedulerSettings;
  runner: MlRunner;
  onReport: (r: MlReport) => void;
  onSkip: (s: MlSkip) => void;
  onError: (e: Error) => void;
}

/** The first scheduled time after `tMs` on the grid anchorMs + k x interval. */
export function nextDueAfter(tMs: number, intervalS: number, anchorMs: number): number {
  const step = intervalS * 1000;
  return anchorMs + (Math.floor((tMs - anchorMs) / step) + 1) * step;
}

export class MlScheduler {
  private readonly ring = new MlSampleRing();
  private nextDueMs: number | null = null;
  private dueInterval: number | null = null;
  private anchorMs: number | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private inFlight = 0;

  constructor(private readonly d: MlSchedulerDeps) {}

  /** Data time of the newest sample, or null before the first. */
  get lastTimeMs(): number | null {
    return this.ring.lastTimeMs;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** One packet's sample; runs the analysis when its time passes the next scheduled one. */
  observe(sample: MlSample): void {
    const s = this.d.settings();
    const last = this.lastTimeMs;
    if (last !== null && sample.timeMs < last) return; // out of order: data time only moves forward
    this.ring.push(sample);
    if (this.nextDueMs === null || this.dueInterval !== s.intervalS) {
      // The first packet (or an interval change) starts the count.
      this.anchorMs = sample.timeMs;
      this.nextDueMs = nextDueAfter(sample.timeMs, s.intervalS, this.anchorMs);
      this.dueInterval = s.intervalS;
      return;
    }
    if (sample.timeMs < this.nextDueMs) return;
    this.nextDueMs = nextDueAfter(sample.timeMs, s.intervalS, this.anchorMs ?? sample.timeMs);
    // A failed run is reported through onError; the packet loop carries on.
    if (s.enabled) this.trigger('schedule', sample.timeMs).catch(() => undefined);
  }

  /** An analysis now, at the newest sample's data time; resolves with its report or the skip. */
  runNow(): Promise<MlReport | MlSkip> {
    return this.trigger('manual', this.lastTimeMs);
  }

  /** Resolves once every started run has reported (replay end, tests). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private trigger(trigger: 'schedule' | 'manual', timeMs: number | null): Promise<MlReport | MlSkip> {
    const s = this.d.settings();
    const window = this.ring.window(timeMs ?? 0, s.windowS);
    const drilling = timeMs === null ? 0 : drillingCountOf(window);
    if (timeMs === null || drilling < MIN_DRILLING_SAMPLES) {
      const skip: MlSkip = {
        timeMs: timeMs ?? 0,
        trigger,
        drillingSamples: drilling,
        reason: `too little drilling data: ${drilling} drilling packets in the last ${Math.round(s.windowS / 60)} min, ${MIN_DRILLING_SAMPLES} needed`,
      };
      this.d.onSkip(skip);
      return Promise.resolve(skip);
    }
    const ctx: MlRunContext = { timeMs, trigger, campaign: s.campaign, wellId: s.wellId, field: s.field };
    let out: MlReport | Promise<MlReport>;
    try {
      out = this.d.runner.run(window, ctx);
    } catch (e) {
      this.d.onError(e as Error);
      return Promise.reject(e as Error);
    }
    if (!(out instanceof Promise)) {
      // Inline runner: the report takes effect at this very packet (deterministic replays).
      this.d.onReport(out);
      return Promise.resolve(out);
    }
    this.inFlight++;
    const done = this.chain.then(() => out).then(
      (r) => {
        this.d.onReport(r);
        return r;
      },
      (e: Error) => {
        this.d.onError(e);
        throw e;
      },
    );
    this.chain = done.catch(() => undefined).finally(() => this.inFlight--);
    return done;
  }
}
