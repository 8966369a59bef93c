// Baseline learning (DOMAIN §9): Welford statistics of 14 metrics sampled only while
// drilling/reaming, lock when enough clean samples exist, shadow mode until the first lock.
// Pure: time comes from the samples, no I/O (persistence is in baseline-file.ts).
import type { WellConfig } from '../../src-shared/config.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { BaselineMetricStatus, BaselineProgress } from '../../src-shared/status.js';
import type { RigState, WitsPacket } from '../../src-shared/wits.js';

export const BASELINE_METRICS = [
  'mse',
  'd_exponent',
  'dxc',
  'flow_balance',
  'spp',
  'torque',
  'rop',
  'wob',
  'rpm',
  'ecd',
  'pit_volume',
  'gas_units',
  // The deviations the SPP and torque rules judge (from their own baselines at steady pumps,
  // on bottom): their spread, not the raw channel's, is this rig's noise (learnedLimits).
  'spp_deviation',
  'torque_deviation',
] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

export type BaselineSample = Partial<Record<BaselineMetric, number | null>>;

/** Persisted per-metric threshold record (the §9 file layout). */
export interface BaselineThreshold {
  mean: number;
  std: number;
  warning_sigma: number;
  critical_sigma: number;
  locked: boolean;
  locked_timestamp: number | null;
  sample_count: number;
  min: number;
  max: number;
}

/** What is persisted: locked metrics keyed "equip:metric". Accumulators are not saved. */
export interface BaselineState {
  schema_version: 2;
  thresholds: Record<string, BaselineThreshold>;
}

export type MetricStatus = 'learning' | 'locked' | 'contaminated';

interface Accumulator {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  outliers: number;
  status: MetricStatus;
  lockedAtMs: number | null;
}

export interface BaselineSettings {
  enabled: boolean;
  equipmentId: string;
  warningSigma: number;
  criticalSigma: number;
  minSamplesForLock: number;
  minStdFloor: number;
  maxOutlierFraction: number;
  outlierSigma: number;
}

export function baselineSettings(config: WellConfig): BaselineSettings {
  const b = config.baseline_learning;
  return {
    enabled: b.enabled,
    equipmentId: config.well.rig || 'RIG',
    warningSigma: b.warning_sigma,
    criticalSigma: b.critical_sigma,
    minSamplesForLock: b.min_samples_for_lock,
    minStdFloor: b.min_std_floor,
    maxOutlierFraction: b.max_outlier_percentage,
    outlierSigma: b.outlier_sigma_threshold,
  };
}

/** The 14 baseline values from a packet and its computed metrics (not the raw derived slots). */
export function baselineSampleFrom(packet: WitsPacket, metrics: DrillingMetrics): BaselineSample {
  return {
    mse: metrics.msePsi,
    d_exponent: metrics.dExponent,
    dxc: metrics.dxc,
    flow_balance: metrics.flowBalanceGpm,
    spp: packet.sppPsi,
    torque: packet.torqueKftLbf,
    rop: packet.ropFtHr,
    wob: packet.wobKlbf,
    rpm: packet.rpm,
    ecd: metrics.ecdPpg,
    pit_volume: packet.pitVolumeBbl,
    gas_units: packet.gasUnits,
    spp_deviation: metrics.sppDeltaPsi,
    torque_deviation: metrics.torqueDeltaFraction,
  };
}

const LEARNING_STATES: ReadonlySet<RigState> = new Set(['Drilling', 'Reaming']);

function emptyAccumulator(): Accumulator {
  return { n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, outliers: 0, status: 'learning', lockedAtMs: null };
}

export class BaselineLearner {
  private acc = new Map<BaselineMetric, Accumulator>();
  private drillingSamples = 0;
  private firstLockMs: number | null = null;

  constructor(private settings: BaselineSettings) {
    this.reset();
  }

  /** Applies new settings (config update); statistics are kept. */
  setSettings(settings: BaselineSettings): void {
    this.settings = settings;
  }

  reset(): void {
    this.acc = new Map(BASELINE_METRICS.map((m) => [m, emptyAccumulator()]));
    this.drillingSamples = 0;
    this.firstLockMs = null;
  }

  /** Shadow mode: no tickets until the first metric locks (or learning is disabled). */
  isLearning(): boolean {
    return this.settings.enabled && this.firstLockMs === null;
  }

  /** Feed one packet's values; ignored unless drilling or reaming. Non-finite values skipped. */
  observe(rigState: RigState, timeMs: number, sample: BaselineSample): void {
    if (!this.settings.enabled || !LEARNING_STATES.has(rigState)) return;
    this.drillingSamples++;
    for (const m of BASELINE_METRICS) {
      const x = sample[m];
      if (x === null || x === undefined || !Number.isFinite(x)) continue;
      const a = this.acc.get(m)!;
      if (a.status === 'locked') continue; // a locked baseline is frozen until reset
      // Outlier test against the statistics before this sample (needs > 10 samples).
      if (a.n > 10) {
        const z = Math.abs(x - a.mean) / this.sigma(a);
        if (z > this.settings.outlierSigma) a.outliers++;
      }
      a.n++;
      const d = x - a.mean;
      a.mean += d / a.n;
      a.m2 += d * (x - a.mean);
      if (x < a.min) a.min = x;
      if (x > a.max) a.max = x;
      this.maybeLock(a, timeMs);
    }
  }

  /** Convenience for the pipeline: one packet and its computed metrics. */
  observePacket(packet: WitsPacket, metrics: DrillingMetrics): void {
    this.observe(metrics.rigState, packet.timeMs, baselineSampleFrom(packet, metrics));
  }

  /** Operator override: lock every metric that has samples, contaminated or not. */
  forceLock(timeMs: number, metrics: readonly BaselineMetric[] = BASELINE_METRICS): BaselineMetric[] {
    const locked: BaselineMetric[] = [];
    for (const m of metrics) {
      const a = this.acc.get(m)!;
      if (a.status === 'locked' || a.n < 2) continue;
      this.lock(a, timeMs);
      locked.push(m);
    }
    return locked;
  }

  statusOf(metric: BaselineMetric): MetricStatus {
    return this.acc.get(metric)!.status;
  }

  progress(): BaselineProgress {
    const s = this.settings;
    const metrics: BaselineMetricStatus[] = BASELINE_METRICS.map((m) => {
      const a = this.acc.get(m)!;
      const sigma = this.sigma(a);
      return {
        name: m,
        locked: a.status === 'locked',
        samples: a.n,
        mean: a.mean,
        std: this.std(a),
        warning: a.mean + s.warningSigma * sigma,
        critical: a.mean + s.criticalSigma * sigma,
        outlierPercent: a.n > 0 ? (100 * a.outliers) / a.n : 0,
      };
    });
    return {
      mode: !s.enabled ? 'disabled' : this.firstLockMs === null ? 'learning' : 'locked',
      samples: this.drillingSamples,
      required: s.minSamplesForLock,
      lockedAtMs: this.firstLockMs,
      metrics,
    };
  }

  /** Locked metrics as the persisted file content. */
  snapshot(): BaselineState {
    const thresholds: Record<string, BaselineThreshold> = {};
    for (const m of BASELINE_METRICS) {
      const a = this.acc.get(m)!;
      if (a.status !== 'locked') continue;
      thresholds[`${this.settings.equipmentId}:${m}`] = {
        mean: a.mean,
        std: this.std(a),
        warning_sigma: this.settings.warningSigma,
        critical_sigma: this.settings.criticalSigma,
        locked: true,
        locked_timestamp: a.lockedAtMs,
        sample_count: a.n,
        min: a.min,
        max: a.max,
      };
    }
    return { schema_version: 2, thresholds };
  }

  /**
   * Restores locked metrics from a saved state (other equipment ids are ignored). Any
   * restored lock ends shadow mode at once. Returns the metrics restored.
   */
  restore(state: BaselineState): BaselineMetric[] {
    this.reset();
    const restored: BaselineMetric[] = [];
    for (const m of BASELINE_METRICS) {
      const t = state.thresholds[`${this.settings.equipmentId}:${m}`];
      if (!t || !t.locked) continue;
      const a = this.acc.get(m)!;
      a.n = t.sample_count;
      a.mean = t.mean;
      a.m2 = t.sample_count > 1 ? t.std * t.std * (t.sample_count - 1) : 0;
      a.min = t.min;
      a.max = t.max;
      a.status = 'locked';
      a.lockedAtMs = t.locked_timestamp;
      restored.push(m);
      const lockedAt = t.locked_timestamp ?? 0;
      this.firstLockMs = this.firstLockMs === null ? lockedAt : Math.min(this.firstLockMs, lockedAt);
    }
    return restored;
  }

  private maybeLock(a: Accumulator, timeMs: number): void {
    const min = this.settings.minSamplesForLock;
    // Attempt at min samples, then again every further `min` samples for contaminated ones.
    if (a.n < min || (a.n - min) % min !== 0) return;
    if (a.outliers / a.n <= this.settings.maxOutlierFraction) this.lock(a, timeMs);
    else a.status = 'contaminated';
  }

  private lock(a: Accumulator, timeMs: number): void {
    a.status = 'locked';
    a.lockedAtMs = timeMs;
    if (this.firstLockMs === null) this.firstLockMs = timeMs;
  }

  private std(a: Accumulator): number {
    return a.n > 1 ? Math.sqrt(a.m2 / (a.n - 1)) : 0;
  }

  /** σ with a floor so a perfectly steady channel does not alarm on noise (§9). */
  private sigma(a: Accumulator): number {
    return Math.max(this.std(a), Math.max(Math.abs(a.mean) * 0.001, this.settings.minStdFloor));
  }
}

/** Limits a locked baseline replaces, named as the effective thresholds name them. */
export interface LearnedLimits {
  sppDeviationWarningPsi?: number;
  sppDeviationCriticalPsi?: number;
  torqueIncreaseWarningFraction?: number;
  torqueIncreaseCriticalFraction?: number;
}

const SPP_WARNING_FRACTION = 0.03;
const SPP_CRITICAL_FRACTION = 0.06;
const SPP_WARNING_FLOOR_PSI = 75;
const SPP_CRITICAL_FLOOR_PSI = 150;

/**
 * SPP deviation limits from the rig's own noise in the deviation the rules judge (SPP against
 * its baseline at steady pumps), floored by the pressure level: warning max(3σ, 3 % of SPP,
 * 75 psi), critical max(5σ, 6 % of SPP, 150 psi). The raw channel's spread is not noise: over
 * the first minutes it holds pump-rate changes and the climb with depth (a 250 psi σ gave an
 * 840 psi warning on a real well, blind to a 300 psi pack-off or washout). Torque increase
 * max(2σ, 0.10) / max(3σ, 0.20) of the torque deviation (a fraction of its baseline). Only
 * locked metrics give a limit; thresholdsFor spreads these over the configured ones.
 */
export function learnedLimits(state: BaselineState, equipmentId = 'RIG'): LearnedLimits {
  const out: LearnedLimits = {};
  const spp = state.thresholds[`${equipmentId}:spp`];
  const sppNoise = state.thresholds[`${equipmentId}:spp_deviation`];
  if (spp?.locked && sppNoise?.locked) {
    const level = Math.abs(spp.mean);
    out.sppDeviationWarningPsi = Math.max(3 * sppNoise.std, SPP_WARNING_FRACTION * level, SPP_WARNING_FLOOR_PSI);
    out.sppDeviationCriticalPsi = Math.max(5 * sppNoise.std, SPP_CRITICAL_FRACTION * level, SPP_CRITICAL_FLOOR_PSI);
  }
  const torqueNoise = state.thresholds[`${equipmentId}:torque_deviation`];
  if (torqueNoise?.locked) {
    out.torqueIncreaseWarningFraction = Math.max(2 * torqueNoise.std, 0.1);
    out.torqueIncreaseCriticalFraction = Math.max(3 * torqueNoise.std, 0.2);
  }
  return out;
}
