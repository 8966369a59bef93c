import type { Advisory } from './advisory.js';
import type { Campaign, Operation } from './campaign.js';
import type { AlarmEvent } from './events.js';
import type { HealthReport } from './health.js';
import type { DrillingMetrics } from './metrics.js';
import type { SourceStatus } from './source.js';
import type { Channel, RigState, WitsPacket } from './wits.js';

export interface PhaseLatency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  count: number;
}

export interface BaselineMetricStatus {
  name: string;
  locked: boolean;
  samples: number;
  mean: number;
  std: number;
  warning: number;
  critical: number;
  outlierPercent: number;
}

export interface BaselineProgress {
  /** learning = shadow mode (computing, no alerts); locked = dynamic thresholds in use. */
  mode: 'learning' | 'locked' | 'disabled';
  samples: number;
  required: number;
  lockedAtMs: number | null;
  metrics: BaselineMetricStatus[];
}

export interface PipelineCounts {
  packets: number;
  rejectedPackets: number;
  tickets: number;
  confirmed: number;
  uncertain: number;
  rejected: number;
  advisories: number;
}

/** Everything a live view needs in one object. */
export interface LiveStatus {
  timeMs: number;
  packet: WitsPacket | null;
  metrics: DrillingMetrics | null;
  rigState: RigState;
  operation: Operation;
  campaign: Campaign;
  source: SourceStatus;
  baseline: BaselineProgress;
  health: HealthReport;
  currentAdvisory: Advisory | null;
  counts: PipelineCounts;
  latency: Record<string, PhaseLatency>;
  llm: { mode: 'llm' | 'template-only'; model: string | null; device: string | null; detail: string };
  /** The alarm limits in force for this campaign and baseline. */
  limits: ActiveLimits;
  /** Alarm events a person may still act on, worst risk first. */
  events: AlarmEvent[];
  /** Channels read as not fitted on this rig (declared in the config or detected): null for the physics. */
  absentChannels: AbsentChannel[];
}

/** A channel the engine treats as not fitted, and why. */
export interface AbsentChannel {
  channel: Channel;
  /** config = acquisition.absent_channels; detected = read 0 (or one value) for the whole run while it should move. */
  source: 'config' | 'detected';
  /** When it was detected (data time, epoch ms); null for a declared one. */
  sinceMs: number | null;
  reason: string;
}

/** One alarm band as the engine applies it. `below` = low is bad (ECD margin, efficiency). */
export interface LimitBand {
  warning: number;
  critical: number;
  direction: 'above' | 'below' | 'magnitude';
  unit: string;
}

/**
 * The limits the detectors are using right now (config, campaign overrides, learned baseline),
 * so tile colours and threshold lines agree with the engine.
 */
export interface ActiveLimits {
  flowBalanceGpm: LimitBand;
  pitGainBbl: LimitBand;
  pitRateBblHr: LimitBand;
  gasUnits: LimitBand;
  h2sPpm: LimitBand;
  ecdMarginPpg: LimitBand;
  sppDeltaPsi: LimitBand;
  torqueDeltaFraction: LimitBand;
  torqueCv: LimitBand;
  mseEfficiencyPercent: LimitBand;
  /** The trip sheet's unexplained trip-tank change (gain limits; losses warn at their own). */
  tripTankGainBbl: LimitBand;
}
