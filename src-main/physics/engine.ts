// PhysicsEngine: per-packet metrics and detections. Holds only small fixed state (EMA
// baselines, short smoothing windows, the pit window, the previous packet's WOB/ROP); the
// longer look-back comes from the history buffer the pipeline owns. No I/O, no clock:
// time is the packet's.
import type { Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { RigState, WitsPacket } from '../../src-shared/wits.js';
import type { HistoryBuffer, HistoryEntry, LineFit } from './history.js';
import { EmaBaseline, ShortWindow } from './ema.js';
import { correctedDExponent, dExponent } from './d-exponent.js';
import {
  compareDetections,
  detectEcdMargin,
  detectFlowWithPumpsOff,
  detectFormationChange,
  detectFounder,
  detectGas,
  detectH2s,
  detectKick,
  detectLoss,
  detectMseInefficiency,
  detectPackOff,
  detectPitRate,
  detectSppDeviation,
  detectStickSlip,
  detectTorqueRise,
  detectWashout,
  emptyDetectorInputs,
  type Detection,
  type DetectorInputs,
} from './detectors.js';
import { ecdMarginPpg, ecdPpg } from './ecd.js';
import { flowBalanceGpm, PitTrend } from './flow.js';
import { hardnessIndex, mseEfficiencyPercent, mseTealePsi, optimalMsePsi } from './mse.js';
import { torqueCv } from './stick-slip.js';
import type { EffectiveThresholds } from './thresholds.js';

export type { Detection } from './detectors.js';

export interface PhysicsContext {
  config: WellConfig;
  thresholds: EffectiveThresholds;
  operation: Operation;
}

export interface PhysicsResult {
  metrics: DrillingMetrics;
  detections: Detection[];
}

export interface PhysicsEngineOptions {
  /** Seconds the pumps must be on at a steady rate before flows, pits and SPP are judged. */
  pumpSettleS?: number;
  /** Packets in the short smoothing windows. */
  smoothingPackets?: number;
  /** Drilling entries in the founder trend window. */
  founderWindow?: number;
  /** Seconds on bottom drilling before MSE efficiency is judged (bit re-establishing its cut). */
  efficiencySettleS?: number;
}

/**
 * WOB this far below its drilling baseline means the driller is still putting weight on
 * (tagging bottom after a connection): MSE is meaningless until the weight is on.
 */
const WEIGHT_ON_FRACTION = -0.15;

export const isOnBottomState = (s: RigState): boolean => s === 'Drilling' || s === 'Reaming';
export const isWellControlState = (s: RigState): boolean => s === 'Drilling' || s === 'Reaming' || s === 'Circulating';

const drillingEntry = (e: HistoryEntry): boolean => e.packet.rigState === 'Drilling';
const wobOf = (e: HistoryEntry): number | null => e.packet.wobKlbf;
const ropOf = (e: HistoryEntry): number | null => e.packet.ropFtHr;

const pos = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

export class PhysicsEngine {
  private readonly settleMs: number;
  private readonly founderWindow: number;

  private readonly torqueBase = new EmaBaseline();
  private readonly sppBase = new EmaBaseline();
  private readonly mseBase = new EmaBaseline();
  private readonly ropBase = new EmaBaseline();
  private readonly wobBase = new EmaBaseline();
  private readonly dxcBase = new EmaBaseline();
  // Gas background: slow, and held while gas is rising (so a kick's gas stays "above").
  private readonly gasBase = new EmaBaseline(10, 0.5, 30, 0.05, 0.01, 0.001);
  // Pump rate reference for steadiness: plain EMA, no hold.
  private readonly pumpBase = new EmaBaseline(5, 0.5, 5, 0.05, 0.05, 0.05);

  private readonly fbS: ShortWindow;
  private readonly sppS: ShortWindow;
  private readonly torqueS: ShortWindow;
  private readonly ropS: ShortWindow;
  private readonly wobS: ShortWindow;
  private readonly mseS: ShortWindow;
  private readonly dxcS: ShortWindow;
  private readonly pumpS: ShortWindow;
  // Efficiency over the last ~10 s of established drilling: the detector judges what the
  // verification will check (a 10-s average), not one noisy packet.
  private readonly effS = new ShortWindow(10);
  private readonly effSettleMs: number;
  private drillingSinceMs = Number.NEGATIVE_INFINITY;
  private wasDrilling = false;

  private pit: PitTrend | null = null;
  private pitGain: PitTrend | null = null;
  private pumpsOnPrev = false;
  private pumpStableSinceMs = Number.NEGATIVE_INFINITY;
  /** When the pumps last stopped; null until the first packet (flow-back state unknown before). */
  private pumpsOffSinceMs: number | null = null;
  private readonly flowOffS = new ShortWindow(5);
  /** Pit volume when the flow-back was over (the flow check's reference), bbl. */
  private pitOffRefBbl: number | null = null;
  private prevWob: number | null = null;
  private prevRop: number | null = null;
  private founderStreak = 0;

  private readonly inputs: DetectorInputs = emptyDetectorInputs();
  private readonly fitA: LineFit = { n: 0, slope: 0, intercept: 0, r2: 0, mean: 0 };
  private readonly fitB: LineFit = { n: 0, slope: 0, intercept: 0, r2: 0, mean: 0 };

  constructor(options: PhysicsEngineOptions = {}) {
    this.settleMs = (options.pumpSettleS ?? 30) * 1000;
    this.founderWindow = options.founderWindow ?? 10;
    this.effSettleMs = (options.efficiencySettleS ?? 60) * 1000;
    const k = options.smoothingPackets ?? 5;
    this.fbS = new ShortWindow(k);
    this.sppS = new ShortWindow(k);
    this.torqueS = new ShortWindow(k);
    this.ropS = new ShortWindow(k);
    this.wobS = new ShortWindow(k);
    this.mseS = new ShortWindow(k);
    this.dxcS = new ShortWindow(k);
    this.pumpS = new ShortWindow(k);
  }

  /** Forget all learned state (e.g. a new well or a source switch). */
  reset(): void {
    for (const b of [this.torqueBase, this.sppBase, this.mseBase, this.ropBase, this.wobBase, this.dxcBase, this.gasBase, this.pumpBase]) b.reset();
    for (const w of [this.fbS, this.sppS, this.torqueS, this.ropS, this.wobS, this.mseS, this.dxcS, this.pumpS, this.effS]) w.reset();
    this.drillingSinceMs = Number.NEGATIVE_INFINITY;
    this.wasDrilling = false;
    this.pit?.reset();
    this.pitGain?.reset();
    this.pumpsOnPrev = false;
    this.pumpStableSinceMs = Number.NEGATIVE_INFINITY;
    this.pumpsOffSinceMs = null;
    this.flowOffS.reset();
    this.pitOffRefBbl = null;
    this.prevWob = null;
    this.prevRop = null;
    this.founderStreak = 0;
  }

  analyze(packet: WitsPacket, history: HistoryBuffer<HistoryEntry>, ctx: PhysicsContext): PhysicsResult {
    const { config, thresholds: th } = ctx;
    const state = packet.rigState;
    const t = packet.timeMs;
    const onBottom = isOnBottomState(state);
    const drilling = state === 'Drilling';
    const bitIn = config.well.bit_diameter_inches > 0 ? config.well.bit_diameter_inches : null;
    const phys = config.physics;

    // --- Pumps: on/off and steadiness (gates flows, pits and SPP) ---
    const flowIn = packet.flowInGpm;
    const pumpRate = flowIn ?? packet.pumpSpm;
    const pumpsOn =
      flowIn !== null
        ? flowIn >= config.thresholds.rig_state.circulation_flow_min
        : packet.pumpSpm !== null && packet.pumpSpm > 0;
    let pumpChanged = pumpsOn !== this.pumpsOnPrev;
    if (pumpRate !== null && pumpsOn) {
      this.pumpS.push(pumpRate);
      const ref = this.pumpBase.current;
      const shortMean = this.pumpS.mean as number;
      const tol = Math.max(0.05 * (ref ?? shortMean), flowIn !== null ? 20 : 3);
      if (ref !== null && Math.abs(shortMean - ref) > tol) pumpChanged = true;
      this.pumpBase.update(pumpRate);
    }
    if (pumpChanged) {
      // Line fill / flow-back and a new SPP level follow any pump change: start over.
      this.pumpStableSinceMs = t;
      this.sppBase.reset();
      this.sppS.reset();
      this.fbS.reset();
      this.pit?.reset();
      this.pitGain?.reset();
      if (pumpRate !== null && pumpsOn) {
        this.pumpBase.reset();
        this.pumpS.reset();
        this.pumpS.push(pumpRate);
        this.pumpBase.update(pumpRate);
      }
    }
    this.pumpsOnPrev = pumpsOn;
    const pumpsSteady = pumpsOn && t - this.pumpStableSinceMs >= this.settleMs;

    // --- Pumps off: after the flow-back the well must be static (the connection flow check) ---
    if (pumpsOn) {
      this.pumpsOffSinceMs = null;
      this.flowOffS.reset();
      this.pitOffRefBbl = null;
    } else {
      if (this.pumpsOffSinceMs === null || pumpChanged) {
        this.pumpsOffSinceMs = t;
        this.flowOffS.reset();
        this.pitOffRefBbl = null;
      }
      if (packet.flowOutGpm !== null) this.flowOffS.push(packet.flowOutGpm);
    }
    const offForS = this.pumpsOffSinceMs === null ? null : (t - this.pumpsOffSinceMs) / 1000;
    const pumpsOffSettledS = offForS !== null && offForS >= phys.flowback_settle_s ? offForS : null;
    // Pit gain for the flow check counts from the end of the flow-back, which itself fills the pits.
    if (pumpsOffSettledS !== null && this.pitOffRefBbl === null && packet.pitVolumeBbl !== null) this.pitOffRefBbl = packet.pitVolumeBbl;
    const pitGainPumpsOffBbl =
      pumpsOffSettledS !== null && this.pitOffRefBbl !== null && packet.pitVolumeBbl !== null ? packet.pitVolumeBbl - this.pitOffRefBbl : null;

    // --- MSE, hardness, efficiency, d-exponent: on bottom only ---
    let msePsi: number | null = null;
    let hardness: number | null = null;
    let optimal: number | null = null;
    let efficiency: number | null = null;
    let dExp: number | null = null;
    let dxc: number | null = null;
    if (onBottom) {
      msePsi = mseTealePsi(packet.wobKlbf, packet.torqueKftLbf, packet.rpm, packet.ropFtHr, bitIn, phys.min_rop_for_mse);
      hardness = hardnessIndex(packet.ropFtHr, packet.wobKlbf, packet.rpm);
      optimal = optimalMsePsi(hardness, phys.formation_hardness_base_psi, phys.formation_hardness_multiplier);
      efficiency = mseEfficiencyPercent(optimal, msePsi);
      dExp = dExponent(packet.ropFtHr, packet.rpm, packet.wobKlbf, bitIn);
      dxc = correctedDExponent(dExp, config.thresholds.hydraulics.normal_mud_weight_ppg, packet.mudWeightInPpg);
    }

    // --- ECD and margin ---
    const ecd = ecdPpg(
      packet.ecdPpg,
      packet.mudWeightInPpg,
      flowIn,
      packet.bitDepthFt,
      config.thresholds.hydraulics.annular_pressure_loss_coefficient,
    );
    const fg = config.thresholds.hydraulics.fracture_gradient_ppg > 0 ? config.thresholds.hydraulics.fracture_gradient_ppg : null;
    const margin = ecdMarginPpg(fg, ecd);

    // --- Flow balance and pit trend ---
    const fb = flowBalanceGpm(flowIn, packet.flowOutGpm);
    if (fb !== null && pumpsOn) this.fbS.push(fb);
    if (packet.pitVolumeBbl !== null) {
      if (this.pit === null || this.pit.windowS !== phys.pit_rate_window_s) {
        this.pit = new PitTrend(phys.pit_rate_window_s, Math.min(20, phys.pit_rate_window_s / 3));
      }
      // New hole is filled from the pits as the bit drills (D²/1029.4 bbl/ft, ~5 bbl/hr at
      // 70 ft/hr in 8.5 in): add the drilled hole volume back so that is not read as a loss.
      const holeFillBbl =
        bitIn !== null && packet.holeDepthFt !== null && packet.holeDepthFt > 0 ? (packet.holeDepthFt * bitIn * bitIn) / 1029.4 : 0;
      this.pit.push(t, packet.pitVolumeBbl + holeFillBbl);
      // Pit gain is counted over a longer window than the rate: a slow influx adds up to the
      // driller's 5/10 bbl limits over minutes, while slow surface drift (transfers, solids
      // control) falls out of the window instead of adding up over a shift.
      if (this.pitGain === null || this.pitGain.windowS !== phys.pit_gain_window_s) {
        this.pitGain = new PitTrend(phys.pit_gain_window_s, Math.min(20, phys.pit_gain_window_s / 3), 5, Math.max(1024, Math.ceil(phys.pit_gain_window_s) + 64));
      }
      this.pitGain.push(t, packet.pitVolumeBbl + holeFillBbl);
    }
    const pitTrend = packet.pitVolumeBbl !== null && this.pit !== null ? this.pit.compute() : null;
    const pitRate = pitTrend ? pitTrend.rateBblHr : null;
    const pitGain = packet.pitVolumeBbl !== null && this.pitGain !== null ? this.pitGain.gainBbl() : null;

    // --- Baselines and deltas (short means vs baseline) ---
    let torqueDelta: number | null = null;
    let ropDrop: number | null = null;
    let wobRise: number | null = null;
    let mseDelta: number | null = null;
    let dxcDelta: number | null = null;
    if (onBottom) {
      if (pos(packet.torqueKftLbf)) {
        this.torqueS.push(packet.torqueKftLbf);
        const b = this.torqueBase.current;
        const s = this.torqueS.mean as number;
        if (this.torqueBase.ready && b !== null && b > 0) torqueDelta = s / b - 1;
        this.torqueBase.update(packet.torqueKftLbf, torqueDelta !== null && Math.abs(torqueDelta) > th.torqueIncreaseWarningFraction / 2);
      }
      if (pos(packet.ropFtHr)) {
        this.ropS.push(packet.ropFtHr);
        const b = this.ropBase.current;
        if (this.ropBase.ready && b !== null && b > 0) ropDrop = 1 - (this.ropS.mean as number) / b;
        this.ropBase.update(packet.ropFtHr, ropDrop !== null && Math.abs(ropDrop) > 0.1);
      }
      if (pos(packet.wobKlbf)) {
        this.wobS.push(packet.wobKlbf);
        const b = this.wobBase.current;
        if (this.wobBase.ready && b !== null && b > 0) wobRise = (this.wobS.mean as number) / b - 1;
        this.wobBase.update(packet.wobKlbf, wobRise !== null && Math.abs(wobRise) > 0.05);
      }
      if (msePsi !== null && msePsi > 0) {
        this.mseS.push(msePsi);
        const b = this.mseBase.current;
        if (this.mseBase.ready && b !== null && b > 0) mseDelta = (this.mseS.mean as number) / b - 1;
        this.mseBase.update(msePsi, mseDelta !== null && Math.abs(mseDelta) > th.mseChangeSignificantFraction / 2);
      }
      if (dxc !== null && dxc > 0) {
        this.dxcS.push(dxc);
        const b = this.dxcBase.current;
        if (this.dxcBase.ready && b !== null) dxcDelta = (this.dxcS.mean as number) - b;
        this.dxcBase.update(dxc, dxcDelta !== null && Math.abs(dxcDelta) > th.dxcTrendThreshold / 2);
      }
    }
    let sppDelta: number | null = null;
    if (pumpsOn && pos(packet.sppPsi)) {
      this.sppS.push(packet.sppPsi);
      const b = this.sppBase.current;
      if (this.sppBase.ready && b !== null && pumpsSteady) sppDelta = (this.sppS.mean as number) - b;
      // Learn SPP only at steady pumps; hold while it deviates (washout / pack-off ramps).
      if (pumpsSteady || !this.sppBase.ready) {
        this.sppBase.update(packet.sppPsi, sppDelta !== null && Math.abs(sppDelta) > th.sppDeviationWarningPsi / 2);
      }
    }
    let gasRise: number | null = null;
    if (packet.gasUnits !== null && packet.gasUnits >= 0) {
      const b = this.gasBase.current;
      if (this.gasBase.ready && b !== null) gasRise = packet.gasUnits - b;
      this.gasBase.update(packet.gasUnits, gasRise !== null && gasRise > th.kickGasIncreaseUnits / 2);
    }

    // --- Founder: quick streak and trend over recent drilling entries ---
    let wobSlopeRel: number | null = null;
    let ropSlopeRel: number | null = null;
    if (drilling && pos(packet.wobKlbf) && pos(packet.ropFtHr)) {
      const w = packet.wobKlbf;
      const r = packet.ropFtHr;
      if (this.prevWob !== null && this.prevRop !== null && w >= th.founderMinWobKlbf && this.prevWob >= th.founderMinWobKlbf) {
        const dW = (w - this.prevWob) / this.prevWob;
        const dR = (r - this.prevRop) / this.prevRop;
        this.founderStreak = dW > th.founderQuickWobDeltaFraction && dR <= 0 ? this.founderStreak + 1 : 0;
      } else {
        this.founderStreak = 0;
      }
      this.prevWob = w;
      this.prevRop = r;
      const wf = history.fit(wobOf, this.founderWindow, drillingEntry, this.fitA);
      const rf = history.fit(ropOf, this.founderWindow, drillingEntry, this.fitB);
      if (wf.n >= th.founderMinSamples && rf.n >= th.founderMinSamples && wf.intercept > 0 && rf.mean > 0) {
        // WOB slope relative to the level at the start of the window, per packet.
        wobSlopeRel = wf.slope / wf.intercept;
        ropSlopeRel = rf.slope / rf.mean;
      }
    } else if (!drilling) {
      this.founderStreak = 0;
      this.prevWob = null;
      this.prevRop = null;
    }

    // --- MSE efficiency for the detector: only once drilling is established ---
    if (drilling && !this.wasDrilling) {
      this.drillingSinceMs = t;
      this.effS.reset();
    }
    this.wasDrilling = drilling;
    const weightOn = wobRise === null || wobRise > WEIGHT_ON_FRACTION;
    let effJudged: number | null = null;
    if (drilling && weightOn && t - this.drillingSinceMs >= this.effSettleMs && efficiency !== null) {
      this.effS.push(efficiency);
      if (this.effS.n >= 5) effJudged = this.effS.mean;
    } else if (!weightOn) {
      this.effS.reset();
    }

    const cv = onBottom ? torqueCv(history, packet.torqueKftLbf, th.stickSlipMinSamples) : null;
    const fbSmooth = fb !== null && this.fbS.n > 0 ? (this.fbS.mean as number) : fb;

    const metrics: DrillingMetrics = {
      timeMs: t,
      rigState: state,
      operation: ctx.operation,
      bitDepthFt: packet.bitDepthFt,
      holeDepthFt: packet.holeDepthFt,
      msePsi,
      optimalMsePsi: optimal,
      mseEfficiencyPercent: efficiency,
      dExponent: dExp,
      dxc,
      ecdPpg: ecd,
      fractureGradientPpg: fg,
      ecdMarginPpg: margin,
      flowBalanceGpm: fb,
      pitRateBblHr: pitRate,
      pitGainBbl: pitGain,
      torqueCv: cv,
      torqueDeltaFraction: torqueDelta,
      sppDeltaPsi: sppDelta,
      mseDeltaFraction: mseDelta,
      hardness,
    };

    // --- Detections, gated by rig state ---
    const x = this.inputs;
    x.flowBalanceGpm = fbSmooth;
    x.pitGainBbl = pitGain;
    x.pitRateBblHr = pitRate;
    x.gasUnits = packet.gasUnits;
    x.gasRiseUnits = gasRise;
    x.h2sPpm = packet.h2sPpm;
    x.ecdMarginPpg = margin;
    x.sppDeltaPsi = sppDelta;
    x.sppBaselinePsi = this.sppBase.current;
    x.torqueDeltaFraction = torqueDelta;
    x.torqueKftLbf = packet.torqueKftLbf;
    x.ropDropFraction = ropDrop;
    x.wobRiseFraction = wobRise;
    x.torqueCv = cv;
    // Rock mechanics (hardness-based optimal MSE, d-exponent trends) describe drilling rock, not
    // milling steel or drilling out a cement plug: judge efficiency and formation only in rock.
    const inRock = ctx.operation === 'ProductionDrilling';
    x.mseEfficiencyPercent = drilling && inRock ? effJudged : null;
    x.mseDeltaFraction = mseDelta;
    x.dxcDelta = drilling && inRock ? dxcDelta : null;
    x.pumpsSteady = pumpsSteady;
    x.pumpsOffSettledS = pumpsOffSettledS;
    x.flowOutPumpsOffGpm = pumpsOffSettledS !== null && this.flowOffS.n > 0 ? (this.flowOffS.mean as number) : null;
    x.pitGainPumpsOffBbl = pitGainPumpsOffBbl;
    x.founderQuickStreak = this.founderStreak;
    x.founderWobSlopeRel = wobSlopeRel;
    x.founderRopSlopeRel = ropSlopeRel;

    const detections: Detection[] = [];
    // Running pipe in displaces mud out of the well: returns then are expected, not a kick.
    if (state !== 'TrippingIn' && packet.bitDepthFt !== null && packet.bitDepthFt > 0) {
      const flowing = detectFlowWithPumpsOff(x, th);
      if (flowing) detections.push(flowing);
    }
    if (!isWellControlState(state)) return { metrics, detections };

    // Well control. Without a flow-out sensor (fb null) kick/loss/gas/pit rules stay silent:
    // nothing is inferred from a channel the rig does not send.
    const kick = detectKick(x, th);
    const loss = kick ? null : detectLoss(x, th);
    if (kick) detections.push(kick);
    if (loss) detections.push(loss);
    const h2s = detectH2s(x, th);
    if (h2s) detections.push(h2s);
    const gas = detectGas(x, th);
    if (gas) detections.push(gas);
    if (!kick && !loss) {
      const pr = detectPitRate(x, th);
      if (pr) detections.push(pr);
    }
    const ecdD = detectEcdMargin(x, th);
    if (ecdD) detections.push(ecdD);

    let packOff: Detection | null = null;
    let stick: Detection | null = null;
    let formation: Detection | null = null;
    if (onBottom) {
      packOff = detectPackOff(x, th);
      if (packOff) detections.push(packOff);
    }
    const washout = loss ? null : detectWashout(x, th);
    if (washout) detections.push(washout);
    if (!washout && !packOff && !loss) {
      const spp = detectSppDeviation(x, th);
      if (spp) detections.push(spp);
    }
    if (onBottom) {
      stick = detectStickSlip(x, th);
      if (stick) detections.push(stick);
      if (drilling) {
        const founder = detectFounder(x, th);
        if (founder) detections.push(founder);
        formation = detectFormationChange(x, th);
      }
      // A torque rise explained by pack-off, stick-slip or new rock is not reported twice.
      if (!packOff && !stick && !formation) {
        const tr = detectTorqueRise(x, th);
        if (tr) detections.push(tr);
      }
      const mse = detectMseInefficiency(x, th);
      if (mse) detections.push(mse);
      if (formation) detections.push(formation);
    }
    if (detections.length > 1) detections.sort(compareDetections);
    return { metrics, detections };
  }
}
