// PhysicsEngine: per-packet metrics and detections. It composes small trackers, each with one
// job and its own fixed state (pumps, the flow check, pits, channel deltas, founder, the
// efficiency judge); the longer look-back comes from the history buffer the pipeline owns.
// runDetectors owns which rules run in which rig state. No I/O, no clock: time is the packet's,
// and every window and baseline counts the seconds each packet stands for (feed-clock.ts), so
// they mean the same minutes on a 1 Hz, 0.5 Hz or irregular feed.
import type { FaultKind } from '../../src-shared/advisory.js';
import type { Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { FlowOutStatus } from '../../src-shared/flow-out.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { bitDiameterFor } from './bit-diameter.js';
import { correctedDExponent, dExponent } from './d-exponent.js';
import { emptyDetectorInputs, NO_STANDING_ALARMS, type Detection, type DetectorInputs, type StandingAlarms } from './detectors.js';
import { ecdMarginPpg, ecdPpg } from './ecd.js';
import { ShortWindow } from './ema.js';
import { FeedClock } from './feed-clock.js';
import { assumedPaddleNoiseGpm, flowBalanceGpm } from './flow.js';
import type { HistoryBuffer, HistoryEntry } from './history.js';
import { hardnessIndex, mseTealePsi } from './mse.js';
import { isOnBottomState } from './rig-states.js';
import { assessableFaults, runDetectors } from './run-detectors.js';
import { torqueOscillationOf } from './stick-slip.js';
import type { EffectiveThresholds } from './thresholds.js';
import { OnBottomDeltas, GasBackground, SppDelta } from './trackers/deltas.js';
import { EfficiencyJudge } from './trackers/efficiency.js';
import { FlowCheckTracker } from './trackers/flow-check.js';
import { FounderTracker } from './trackers/founder.js';
import { PitTracker } from './trackers/pits.js';
import { PumpTracker, pitsReadableAfter, pitsSettledAfter, type PitsReadable, type PumpReading } from './trackers/pumps.js';
import { MseReference } from './trackers/mse-reference.js';
import { NoiseBand, NoisePause } from './trackers/noise-band.js';
import { PaddleCalibration } from './trackers/paddle-calibration.js';
import { PackOffTrend, type PackOffTrendFloors } from './trackers/pack-off-trend.js';
import { SppHeldTrendTracker, sppTrendReadable } from './trackers/spp-held-trend.js';
import { TorqueWindow } from './trackers/torque-window.js';
import { TripSheetTracker, type TripReading } from './trackers/trip-sheet.js';

export type { Detection } from './detectors.js';

export interface PhysicsContext {
  config: WellConfig;
  thresholds: EffectiveThresholds;
  operation: Operation;
  /**
   * Alarms standing (advised, not cleared): the flow and pit noise bands do not learn the
   * well-control fault they raised (NoisePause), and the pits or SPP still moving a standing
   * fault's way are that fault going on (one fault, one event).
   */
  standingAlarms?: StandingAlarms;
}

export interface PhysicsResult {
  metrics: DrillingMetrics;
  detections: Detection[];
  /** Faults the detectors could judge on this packet (reused set: copy to keep). */
  assessable: ReadonlySet<FaultKind>;
}

export interface PhysicsEngineOptions {
  /** Seconds the pumps must be on at a steady rate before flows, pits and SPP are judged. */
  pumpSettleS?: number;
  /** Seconds of feed in the short smoothing windows. */
  smoothingS?: number;
  /** Seconds of history in the founder trend window. */
  founderWindowS?: number;
  /** Seconds on bottom drilling before MSE efficiency is judged (bit re-establishing its cut). */
  efficiencySettleS?: number;
}

/** The rock-mechanics numbers of one on-bottom packet. */
interface RockMetrics {
  msePsi: number | null;
  hardness: number | null;
  optimalMsePsi: number | null;
  efficiencyPercent: number | null;
  dExponent: number | null;
  dxc: number | null;
}

const FROM_METER: FlowOutStatus = { source: 'meter', paddle: null };
const NO_FLOW_OUT: FlowOutStatus = { source: 'none', paddle: null };

const NO_ROCK: RockMetrics = { msePsi: null, hardness: null, optimalMsePsi: null, efficiencyPercent: null, dExponent: null, dxc: null };

export class PhysicsEngine {
  private readonly pumps: PumpTracker;
  private readonly flowCheck = new FlowCheckTracker();
  private readonly pits = new PitTracker();
  private readonly tripSheet = new TripSheetTracker();
  private readonly deltas: OnBottomDeltas;
  private readonly spp: SppDelta;
  private readonly gas = new GasBackground();
  private readonly founder: FounderTracker;
  private readonly efficiency: EfficiencyJudge;
  private readonly flowBalance: ShortWindow;
  private readonly mseReference = new MseReference();
  private readonly flowNoise = new NoiseBand();
  private readonly paddle = new PaddleCalibration();
  /** The last packet's flow balance and learned flow noise, what the paddle's calibration holds against. */
  private readonly lastWell: { balanceGpm: number | null; noiseGpm: number | null } = { balanceGpm: null, noiseGpm: null };
  private readonly pitRateNoise = new NoiseBand();
  private readonly pitGainNoise = new NoiseBand();
  private readonly wellNoisePause = new NoisePause();
  private readonly torqueWindow = new TorqueWindow();
  private readonly packOffTrend = new PackOffTrend();
  private readonly sppHeld = new SppHeldTrendTracker();
  private trendFloors: { th: EffectiveThresholds; floors: PackOffTrendFloors } | null = null;
  private readonly inputs: DetectorInputs = emptyDetectorInputs();
  private readonly assessable = new Set<FaultKind>();
  private readonly clock = new FeedClock();

  constructor(options: PhysicsEngineOptions = {}) {
    const k = options.smoothingS ?? 5;
    this.pumps = new PumpTracker((options.pumpSettleS ?? 30) * 1000, k);
    this.deltas = new OnBottomDeltas(k);
    this.spp = new SppDelta(k);
    this.flowBalance = new ShortWindow(k);
    this.founder = new FounderTracker(options.founderWindowS ?? 10);
    this.efficiency = new EfficiencyJudge((options.efficiencySettleS ?? 60) * 1000);
  }

  analyze(packet: WitsPacket, history: HistoryBuffer<HistoryEntry>, ctx: PhysicsContext): PhysicsResult {
    const { config, thresholds: th } = ctx;
    const state = packet.rigState;
    const onBottom = isOnBottomState(state);
    const drilling = state === 'Drilling';
    const bitIn = bitDiameterFor(packet, config);
    const phys = config.physics;
    const hyd = config.thresholds.hydraulics;
    const s = this.clock.next(packet.timeMs);

    const pumps = this.pumps.update(packet, config.thresholds.rig_state.circulation_flow_min, s);
    if (pumps.pumpChanged) {
      // Line fill and flow-back follow any pump change: start over (SPP, referred to the flow
      // rate, starts over itself at a new operating point or when the pumps stop).
      this.flowBalance.reset();
      this.pits.reset();
    }
    const flowCheck = this.flowCheck.update(packet, pumps, phys.flowback_settle_s, s);
    const trip = this.tripSheet.update(packet, flowCheck, config.trip);
    const rock = onBottom ? this.rockMetrics(packet, config, bitIn, s) : NO_ROCK;
    if (!drilling) this.mseReference.offBottom();

    const ecd = ecdPpg(packet.ecdPpg, packet.mudWeightInPpg, packet.flowInGpm, packet.bitDepthFt, hyd.annular_pressure_loss_coefficient);
    const fg = hyd.fracture_gradient_ppg > 0 ? hyd.fracture_gradient_ppg : null;
    const margin = ecdMarginPpg(fg, ecd);
    const alarms = ctx.standingAlarms ?? NO_STANDING_ALARMS;
    const well = this.wellReadings(packet, pumps, phys, bitIn, s, alarms.kick || alarms.loss || alarms.pitRate);

    const d = onBottom
      ? this.deltas.update({ torque: packet.torqueKftLbf, rop: packet.ropFtHr, wob: packet.wobKlbf, mse: rock.msePsi, dxc: rock.dxc }, th, packet.timeMs, packet.rpm, s)
      : { torque: null, rop: null, wob: null, mse: null, dxc: null };
    const sppDelta = this.spp.update(packet.sppPsi, packet.flowInGpm, pumps.pumpsOn, pumps.pumpsSteady, th, packet.timeMs, packet.wobKlbf, s);
    const sppHeld = this.sppHeld.update(packet.timeMs, packet.sppPsi, packet.flowInGpm, packet.wobKlbf, packet.torqueKftLbf, packet.ropFtHr, onBottom && sppTrendReadable(pumps));
    const gasRise = this.gas.update(packet.gasUnits, th, s);
    const founder = this.founder.update(packet, drilling, history, th);
    const effJudged = this.efficiency.update(packet.timeMs, drilling, d.wob, rock.efficiencyPercent, s);
    const torque = onBottom ? this.torqueWindow.recent(history, packet.torqueKftLbf) : null;
    const osc = torque && torqueOscillationOf(torque, th.stickSlipMinSamples);
    const trend = this.packOffTrend.update(packet, drilling && pumps.pumpsSteady, this.trendFloorsFor(th), s);
    const cv = osc ? osc.cv : null;

    const sppUnderRestart = this.spp.overRecentNormalAtWeightPsi;
    const metrics = drillingMetrics(packet, ctx.operation, rock, { ecd, fg, margin }, well, { cv, d, sppDelta, sppBaselineAgeS: this.spp.baselineAgeS, sppOverRecentNormalPsi: sppUnderRestart, packOffTrendClear: trend?.clearRatio ?? null }, trip);

    const x = this.inputs;
    x.flowBalanceGpm = well.flowBalanceSmoothedGpm;
    x.pitGainBbl = well.pitGainBbl;
    x.pitRateBblHr = well.pitRateBblHr;
    x.gasUnits = packet.gasUnits;
    x.gasRiseUnits = gasRise;
    x.h2sPpm = packet.h2sPpm;
    x.ecdMarginPpg = margin;
    x.sppDeltaPsi = sppDelta;
    x.sppBaselinePsi = this.spp.baselinePsi;
    x.sppBaselineAgeS = this.spp.baselineAgeS;
    x.sppBaselineReadNormal = this.spp.readNormal;
    x.sppWobChangeFraction = this.spp.wobChangeFraction;
    x.pumpRateChangeFraction = this.spp.pumpRateChangeFraction;
    x.sppHeldTrend = sppHeld;
    x.sppOverRecentLowPsi = this.spp.overRecentLowPsi;
    x.sppOverRecentNormalAtWeightPsi = sppUnderRestart;
    x.torqueDeltaFraction = d.torque;
    x.torqueKftLbf = packet.torqueKftLbf;
    x.ropDropFraction = d.rop;
    x.wobRiseFraction = d.wob;
    x.rpmRiseFraction = onBottom ? this.deltas.rpmRiseFraction : null;
    x.torqueCv = cv;
    x.packOffTrend = trend;
    x.torqueRegularity = osc ? osc.regularity : null;
    // Rock mechanics (MSE against this hole's recent best, d-exponent trends) describe drilling rock, not
    // milling steel or drilling out a cement plug: judge efficiency and formation only in rock.
    const inRock = drilling && ctx.operation === 'ProductionDrilling';
    x.mseEfficiencyPercent = inRock ? effJudged : null;
    x.mseDeltaFraction = d.mse;
    x.dxcDelta = inRock ? d.dxc : null;
    x.pumpsSteady = pumps.pumpsSteady;
    x.pitsSettled = well.pitsSettled;
    x.pitsShowGain = well.pitsReadable.gain;
    x.pitsShowLoss = well.pitsReadable.loss;
    x.flowNoiseGpm = well.flowNoiseGpm;
    x.pitRateNoiseBblHr = well.pitRateNoiseBblHr;
    x.pitGainNoiseBbl = well.pitGainNoiseBbl;
    x.standing = alarms;
    x.pumpsOffSettledS = flowCheck.pumpsOffSettledS;
    x.flowOutPumpsOffGpm = flowCheck.flowOutPumpsOffGpm;
    x.pitGainPumpsOffBbl = flowCheck.pitGainPumpsOffBbl;
    x.founderQuickStreak = founder.quickStreak;
    x.founderWobSlopeRel = founder.wobSlopeRel;
    x.founderRopSlopeRel = founder.ropSlopeRel;

    return { metrics, detections: runDetectors(packet, x, th, trip), assessable: assessableFaults(packet, x, th, this.assessable, trip) };
  }

  /** The pack-off trend floors (half of each warning; torque's as configured), made once per thresholds object, not per packet. */
  private trendFloorsFor(th: EffectiveThresholds): PackOffTrendFloors {
    if (this.trendFloors?.th !== th) {
      this.trendFloors = {
        th,
        floors: { torqueFraction: th.torqueTrendFloorFraction, sppPsi: th.sppDeviationWarningPsi / 2, ropFraction: th.packoffRopDecreaseFraction / 2 },
      };
    }
    return this.trendFloors.floors;
  }

  /** Flow balance, pits and how noisy each is on this rig (the pits settle after a pump change). */
  private wellReadings(packet: WitsPacket, pumps: PumpReading, phys: WellConfig['physics'], bitIn: number | null, s: number, wellControlAlarm: boolean): WellReadings {
    // Flow out in gpm as sent, else from the paddle's percent once calibrated at this pump rate.
    const flowOutGpm = packet.flowOutGpm ?? this.paddle.update(packet.flowInGpm, packet.flowOutPercent, pumps.pumpsSteady, this.lastWell.balanceGpm, this.lastWell.noiseGpm, s);
    // Where it came from, for the screens and health (reporting only: nothing below reads it).
    const flowOut: FlowOutStatus =
      packet.flowOutGpm !== null ? FROM_METER : packet.flowOutPercent === null ? NO_FLOW_OUT : { source: 'paddle', paddle: this.paddle.status(pumps.pumpsOn, pumps.pumpsSteady) };
    const fb = flowBalanceGpm(packet.flowInGpm, flowOutGpm);
    if (fb !== null && pumps.pumpsOn) this.flowBalance.push(fb, s);
    const pits = this.pits.update(packet, bitIn, phys.pit_rate_window_s, phys.pit_gain_window_s);
    const smoothed = fb !== null && this.flowBalance.n > 0 ? (this.flowBalance.mean as number) : fb;
    const pitsSettled = pitsSettledAfter(pumps, phys.flowback_settle_s);
    const pause = this.wellNoisePause.update(packet.timeMs, wellControlAlarm);
    if (pause === 'began') {
      this.flowNoise.discardPending();
      this.pitRateNoise.discardPending();
      this.pitGainNoise.discardPending();
    }
    const learn = pause === 'learning';
    this.flowNoise.update(smoothed, pumps.pumpsSteady && learn, s);
    const flowNoiseGpm = this.flowNoise.rmsNoLessThan(assumedPaddleNoiseGpm(packet.flowInGpm));
    this.lastWell.balanceGpm = smoothed;
    this.lastWell.noiseGpm = flowNoiseGpm;
    return {
      pumpsSteady: pumps.pumpsSteady,
      pitsReadable: pitsReadableAfter(pumps, pitsSettled),
      flowBalanceGpm: fb,
      flowBalanceSmoothedGpm: smoothed,
      flowOut,
      flowNoiseGpm,
      pitRateBblHr: pits.pitRateBblHr,
      pitGainBbl: pits.pitGainBbl,
      pitsSettled,
      pitRateNoiseBblHr: this.pitRateNoise.update(pits.pitRateBblHr, pitsSettled && learn, s),
      pitGainNoiseBbl: this.pitGainNoise.update(pits.pitGainBbl, pitsSettled && learn, s),
    };
  }

  /** `s`: the seconds of feed the packet stands for. */
  private rockMetrics(packet: WitsPacket, config: WellConfig, bitIn: number | null, s: number): RockMetrics {
    const phys = config.physics;
    const msePsi = mseTealePsi(packet.wobKlbf, packet.torqueKftLbf, packet.rpm, packet.ropFtHr, bitIn, phys.min_rop_for_mse);
    const hardness = hardnessIndex(packet.ropFtHr, packet.wobKlbf, packet.rpm);
    // Efficiency relative to what this rig has achieved recently (reaming is not cutting new rock).
    const rel = packet.rigState === 'Drilling' ? this.mseReference.update(msePsi, s) : { referenceMsePsi: null, efficiencyPercent: null };
    const dExp = dExponent(packet.ropFtHr, packet.rpm, packet.wobKlbf, bitIn);
    return {
      msePsi,
      hardness,
      optimalMsePsi: rel.referenceMsePsi,
      efficiencyPercent: rel.efficiencyPercent,
      dExponent: dExp,
      dxc: correctedDExponent(dExp, config.thresholds.hydraulics.normal_mud_weight_ppg, packet.mudWeightInPpg),
    };
  }
}

interface WellReadings {
  pumpsSteady: boolean;
  flowBalanceGpm: number | null;
  flowBalanceSmoothedGpm: number | null;
  flowOut: FlowOutStatus;
  flowNoiseGpm: number | null;
  pitRateBblHr: number | null;
  pitGainBbl: number | null;
  pitsSettled: boolean;
  pitsReadable: PitsReadable;
  pitRateNoiseBblHr: number | null;
  pitGainNoiseBbl: number | null;
}

interface ChannelReadings {
  cv: number | null;
  d: Record<'torque' | 'rop' | 'wob' | 'mse' | 'dxc', number | null>;
  sppDelta: number | null;
  sppBaselineAgeS: number | null;
  sppOverRecentNormalPsi: number | null;
  packOffTrendClear: number | null;
}

/** The packet's drilling metrics, as stored and shown (the detectors read their own inputs). */
function drillingMetrics(
  packet: WitsPacket,
  operation: Operation,
  rock: RockMetrics,
  hyd: { ecd: number | null; fg: number | null; margin: number | null },
  well: WellReadings,
  ch: ChannelReadings,
  trip: TripReading | null,
): DrillingMetrics {
  return {
    timeMs: packet.timeMs,
    rigState: packet.rigState,
    operation,
    bitDepthFt: packet.bitDepthFt,
    holeDepthFt: packet.holeDepthFt,
    msePsi: rock.msePsi,
    optimalMsePsi: rock.optimalMsePsi,
    mseEfficiencyPercent: rock.efficiencyPercent,
    dExponent: rock.dExponent,
    dxc: rock.dxc,
    ecdPpg: hyd.ecd,
    fractureGradientPpg: hyd.fg,
    ecdMarginPpg: hyd.margin,
    flowBalanceGpm: well.flowBalanceGpm,
    flowOut: well.flowOut,
    pumpsSteady: well.pumpsSteady,
    flowNoiseGpm: well.flowNoiseGpm,
    pitRateNoiseBblHr: well.pitRateNoiseBblHr,
    pitRateBblHr: well.pitRateBblHr,
    pitGainBbl: well.pitGainBbl,
    torqueCv: ch.cv,
    torqueDeltaFraction: ch.d.torque,
    sppDeltaPsi: ch.sppDelta,
    mseDeltaFraction: ch.d.mse,
    ropDropFraction: ch.d.rop,
    wobRiseFraction: ch.d.wob,
    sppBaselineAgeS: ch.sppBaselineAgeS,
    sppOverRecentNormalPsi: ch.sppOverRecentNormalPsi,
    packOffTrendClear: ch.packOffTrendClear,
    hardness: rock.hardness,
    tripTankGainBbl: trip?.tripTank?.unexplainedBbl ?? null,
    pumpsOffPitGainBbl: trip?.pits?.unexplainedBbl ?? null,
    tripPipeMovedFt: trip?.pipeMovedFt ?? null,
    tripDisplacementBbl: trip?.displacementBbl ?? null,
  };
}
