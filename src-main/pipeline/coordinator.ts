// Sequences the phases of one packet (ARCHITECTURE.md "The hot path") and times each one.
// It holds no drilling logic of its own: every decision is made by the phase objects.
// Synchronous and I/O-free: the engine around it persists and publishes what comes out.
import type { Advisory, FaultKind, Ticket, VerificationResult } from '../../src-shared/advisory.js';
import type { EventTransition } from '../../src-shared/events.js';
import type { Campaign, Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { FleetSnapshot } from '../../src-shared/fleet.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { FormationOptimum } from '../../src-shared/ml.js';
import type { PipelineCounts } from '../../src-shared/status.js';
import { CHANNELS, type Channel, type WitsPacket } from '../../src-shared/wits.js';
import type { AbsentChannel } from '../../src-shared/status.js';
import { AbsentChannelTracker, absentChannels, withoutChannels, type AbsentTrackerSettings } from '../acquisition/absent-channels.js';
import { StuckChannelWatch, type StuckChannel } from '../acquisition/stuck-channels.js';
import { OperationClassifier } from '../acquisition/operation.js';
import { QualityGate } from '../acquisition/quality-gate.js';
import { RigStateClassifier } from '../acquisition/rig-state.js';
import { AdvisoryComposer } from '../advisory/composer.js';
import { EventTracker, eventSettingsFor } from '../advisory/event-tracker.js';
import { Orchestrator } from '../agents/orchestrator.js';
import type { HistorySample } from '../agents/specialists/types.js';
import { StrategicAgent } from '../agents/strategic.js';
import { TacticalAgent, tacticalOptionsFrom } from '../agents/tactical.js';
import { BASELINE_METRICS, baselineSampleFrom, learnedLimits, type BaselineLearner } from '../baseline/learner.js';
import { snapshotOf } from '../fleet/snapshot.js';
import { keyMetricsOf, signatureOf } from '../../src-shared/episode-embedding.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import { selectFormationOptimum } from '../ml/formation-optimum.js';
import { PhysicsEngine } from '../physics/engine.js';
import { NO_STANDING_ALARMS, type StandingAlarms } from '../physics/detectors.js';
import { thresholdsFor, type EffectiveThresholds } from '../physics/thresholds.js';
import { HistoryBuffer, type HistoryEntry } from '../physics/history.js';
import { LatencyStats } from './latency.js';

export interface CoordinatorDeps {
  config: () => WellConfig;
  campaign: () => Campaign;
  knowledge: KnowledgeStore;
  baseline: BaselineLearner;
  /** Monotonic milliseconds for phase timing only (never for drilling decisions). */
  timer: () => number;
  /** The ML engine's recent optima; advisories quote the one for the rock being drilled. */
  formationOptima?: () => readonly FormationOptimum[];
}

export interface PacketOutcome {
  packet: WitsPacket;
  /** null when the quality gate rejected the packet. */
  metrics: DrillingMetrics | null;
  ticket: Ticket | null;
  verification: VerificationResult | null;
  advisory: Advisory | null;
  /** The baseline locked a metric on this packet (persist it). */
  baselineLocked: boolean;
  /** The faults the physics engine detected on this packet (empty = none). */
  detected: FaultKind[];
  /** Alarm-event state changes on this packet (raise, update, escalation, clearing...). */
  transitions: EventTransition[];
}

const NO_FAULTS: FaultKind[] = [];

export class PipelineCoordinator {
  readonly latency = new LatencyStats();
  readonly counts: PipelineCounts = { packets: 0, rejectedPackets: 0, tickets: 0, confirmed: 0, uncertain: 0, rejected: 0, advisories: 0 };

  private gate = new QualityGate();
  private channels: AbsentChannelTracker;
  private stuck: StuckChannelWatch;
  private rigState!: RigStateClassifier;
  private operationClassifier!: OperationClassifier;
  private physics = new PhysicsEngine();
  private tactical!: TacticalAgent;
  private readonly strategic = new StrategicAgent();
  private readonly orchestrator = new Orchestrator();
  private composer: AdvisoryComposer;
  private history: HistoryBuffer<HistoryEntry>;
  /** Alarm events, one per fault (kept across feed switches: the tracker decides what a switch means). */
  readonly events: EventTracker;
  private readonly standing: StandingAlarms = { ...NO_STANDING_ALARMS };
  private readonly present = new Set<FaultKind>();

  private thresholds: EffectiveThresholds | null = null;
  private builtFor: { config: WellConfig; campaign: Campaign; locked: number } | null = null;
  private lastOperation: Operation = 'Static';
  private lastMetrics: DrillingMetrics | null = null;
  private lastPacket: WitsPacket | null = null;

  constructor(private readonly deps: CoordinatorDeps) {
    this.composer = new AdvisoryComposer(deps.config);
    this.events = new EventTracker(eventSettingsFor(deps.config(), deps.campaign()));
    this.history = new HistoryBuffer<HistoryEntry>(deps.config().physics.history_size);
    this.channels = new AbsentChannelTracker(absentSettings(deps.config()));
    this.stuck = new StuckChannelWatch(stuckSettings(deps.config()));
    this.rebuild();
  }

  get operation(): Operation {
    return this.lastOperation;
  }
  get metrics(): DrillingMetrics | null {
    return this.lastMetrics;
  }
  get packet(): WitsPacket | null {
    return this.lastPacket;
  }
  get effectiveThresholds(): EffectiveThresholds {
    return this.currentThresholds();
  }
  /** Channels treated as not fitted: declared in the config, then detected on this feed. */
  absentChannels(): AbsentChannel[] {
    return absentChannels(declaredAbsent(this.deps.config()), this.channels.detected());
  }
  /** Sensors that read live values and then froze (health names them; their readings stand). */
  stuckChannels(): StuckChannel[] {
    return this.stuck.stuck();
  }

  process(raw: WitsPacket): PacketOutcome {
    const { timer } = this.deps;
    const config = this.deps.config();
    const campaign = this.deps.campaign();
    this.counts.packets++;

    let t0 = timer();
    const packet = this.gate.check(withoutChannels(raw, declaredAbsent(config)));
    if (packet.quality.level === 'invalid') {
      this.counts.rejectedPackets++;
      this.latency.record('ingest', timer() - t0);
      return { packet, metrics: null, ticket: null, verification: null, advisory: null, baselineLocked: false, detected: NO_FAULTS, transitions: [] };
    }
    packet.rigState = this.rigState.classify(packet);
    // A channel read as 0 for the whole run while it should move is not fitted: null from here on.
    this.channels.observe(packet);
    this.stuck.observe(packet);
    this.channels.blank(packet);
    const operation = this.operationClassifier.classify(packet);
    this.lastOperation = operation;
    let t1 = timer();
    this.latency.record('ingest', t1 - t0);

    const thresholds = this.currentThresholds();
    const { metrics, detections, assessable } = this.physics.analyze(packet, this.history, { config, thresholds, operation, standingAlarms: this.standingAlarms() });
    t0 = t1;
    t1 = timer();
    this.latency.record('physics', t1 - t0);

    this.present.clear();
    for (const d of detections) this.present.add(d.fault);
    const transitions = this.events.observe(packet.timeMs, this.present, assessable);

    const lockedBefore = this.lockedCount();
    this.deps.baseline.observe(packet.rigState, packet.timeMs, baselineSampleFrom(packet, metrics));
    const baselineLocked = this.lockedCount() > lockedBefore;

    const ticket = this.tactical.evaluate(packet, metrics, detections, this.history, {
      thresholds,
      campaign,
      operation,
      shadowMode: this.deps.baseline.isLearning(),
    });
    t0 = t1;
    t1 = timer();
    this.latency.record('tactical', t1 - t0);

    const detected = detections.length ? detections.map((d) => d.fault) : NO_FAULTS;
    this.history.push({ packet, metrics, anomalous: detected.length > 0 });
    this.lastMetrics = metrics;
    this.lastPacket = packet;
    t0 = t1;
    t1 = timer();
    this.latency.record('history', t1 - t0);

    if (!ticket) return { packet, metrics, ticket: null, verification: null, advisory: null, baselineLocked, detected, transitions };
    this.counts.tickets++;

    const verification = this.strategic.verify(ticket, this.history, thresholds);
    this.tactical.verdict(ticket.fault, verification.status, ticket.timeMs, verification.recheckAfterS);
    t0 = t1;
    t1 = timer();
    this.latency.record('verification', t1 - t0);
    if (verification.status === 'Rejected') this.counts.rejected++;
    if (verification.status === 'Uncertain') this.counts.uncertain++;
    if (verification.status !== 'Confirmed') {
      return { packet, metrics, ticket, verification, advisory: null, baselineLocked, detected, transitions };
    }
    this.counts.confirmed++;

    const advisory = this.advise(ticket, verification, { config, campaign, thresholds }, packet, transitions);
    if (!advisory) return { packet, metrics, ticket, verification, advisory: null, baselineLocked, detected, transitions };
    return { packet, metrics, ticket, verification, advisory, baselineLocked, detected, transitions };
  }

  /**
   * A confirmed ticket becomes an advisory: precedents, the specialists' vote, the composed text,
   * and its alarm event (transitions are added to the packet's). Null when the composer holds it.
   */
  private advise(
    ticket: Ticket,
    verification: VerificationResult,
    ctx: { config: WellConfig; campaign: Campaign; thresholds: EffectiveThresholds },
    packet: WitsPacket,
    transitions: PacketOutcome['transitions'],
  ): Advisory | null {
    const { timer } = this.deps;
    const { config, campaign, thresholds } = ctx;
    let t0: number;
    let t1 = timer();
    // What precedents are matched on, and what the advisory keeps for its own episode later.
    const signature = signatureOf(keyMetricsOf(ticket.metrics, ticket.packet.ropFtHr), this.historyWindow());
    const precedents = this.deps.knowledge.queryPrecedents({
      category: ticket.category,
      fault: ticket.fault,
      campaign,
      depthFt: ticket.depthFt,
      limit: 3,
      timeMs: ticket.timeMs,
      signature,
    });
    t0 = t1;
    t1 = timer();
    this.latency.record('knowledge', t1 - t0);

    const consensus = this.orchestrator.vote({
      ticket,
      verification,
      recent: this.recentSamples(),
      config,
      campaign,
      thresholds,
    });
    t0 = t1;
    t1 = timer();
    this.latency.record('vote', t1 - t0);

    const optima = this.deps.formationOptima?.() ?? [];
    const optimum = optima.length ? selectFormationOptimum(optima, ticket.depthFt ?? packet.bitDepthFt) : null;
    const composed = this.composer.compose({ ticket, verification, consensus, precedents, campaign, thresholds, optimum });
    const advisory = composed ? { ...composed, signature } : null;
    t0 = t1;
    t1 = timer();
    this.latency.record('compose', t1 - t0);
    if (!advisory) return null;
    this.counts.advisories++;
    const raised = this.events.advisory(advisory);
    advisory.eventId = raised.event.id;
    transitions.push(...raised.transitions);
    this.latency.record('events', timer() - t1);
    return advisory;
  }

  /** The alarms physics reads (advised, not cleared): one object, refreshed per packet (no allocation on the hot path). */
  private standingAlarms(): StandingAlarms {
    const s = this.standing;
    const ev = this.events;
    s.kick = ev.isActive('kick');
    s.loss = ev.isActive('loss');
    s.pitRate = ev.isActive('pit-rate');
    s.packOff = ev.isActive('pack-off');
    s.washout = ev.isActive('washout');
    return s;
  }

  /** The history window as the fleet sees it (oldest first): for precedents and fleet events. */
  historyWindow(): FleetSnapshot[] {
    const out: FleetSnapshot[] = [];
    for (let i = 0; i < this.history.size; i++) {
      const e = this.history.at(i);
      out.push(snapshotOf(e.packet, e.metrics));
    }
    return out;
  }

  /** Config changes that alter classifier thresholds or the history size take effect here. */
  rebuild(): void {
    const config = this.deps.config();
    this.events?.setSettings(eventSettingsFor(config, this.deps.campaign()));
    this.rigState = new RigStateClassifier(config.thresholds.rig_state);
    this.operationClassifier = new OperationClassifier(config.thresholds.operation_detection, this.deps.campaign());
    this.channels.setSettings(absentSettings(config));
    this.stuck.setSettings(stuckSettings(config));
    this.tactical = new TacticalAgent(tacticalOptionsFrom(config));
    if (this.history.capacity !== config.physics.history_size) {
      this.history = new HistoryBuffer<HistoryEntry>(config.physics.history_size);
    }
    this.builtFor = null;
  }

  /**
   * A new or rewired feed: averages, trends, the history window, the back-off and the cooldown
   * belonged to the old one. The baseline learner is not ours to reset (FeedReset decides).
   */
  resetFeed(): void {
    this.gate = new QualityGate();
    this.channels = new AbsentChannelTracker(absentSettings(this.deps.config()));
    this.stuck = new StuckChannelWatch(stuckSettings(this.deps.config()));
    this.physics = new PhysicsEngine();
    this.composer = new AdvisoryComposer(this.deps.config);
    this.history = new HistoryBuffer<HistoryEntry>(this.deps.config().physics.history_size);
    this.rebuild();
    this.lastOperation = 'Static';
    this.lastMetrics = null;
    this.lastPacket = null;
  }

  setCampaign(campaign: Campaign): void {
    this.operationClassifier.setCampaign(campaign);
    this.events.setSettings(eventSettingsFor(this.deps.config(), campaign));
    this.builtFor = null;
  }

  private lockedCount(): number {
    let n = 0;
    for (const m of BASELINE_METRICS) if (this.deps.baseline.statusOf(m) === 'locked') n++;
    return n;
  }

  /** thresholdsFor(config, campaign, learned limits of a locked baseline); cached until one changes. */
  private currentThresholds(): EffectiveThresholds {
    const config = this.deps.config();
    const campaign = this.deps.campaign();
    const locked = this.deps.baseline.isLearning() ? 0 : this.lockedCount();
    const b = this.builtFor;
    if (this.thresholds && b && b.config === config && b.campaign === campaign && b.locked === locked) return this.thresholds;
    const learned = locked > 0 ? learnedLimits(this.deps.baseline.snapshot(), config.well.rig || 'RIG') : null;
    this.thresholds = thresholdsFor(config, campaign, learned);
    this.builtFor = { config, campaign, locked };
    return this.thresholds;
  }

  private recentSamples(): HistorySample[] {
    const out: HistorySample[] = [];
    for (let i = 0; i < this.history.size; i++) {
      const e = this.history.at(i);
      out.push({
        dxc: e.metrics.dxc,
        torqueKftLbf: e.packet.torqueKftLbf,
        wobKlbf: e.packet.wobKlbf,
        ropFtHr: e.packet.ropFtHr,
        sppDeltaPsi: e.metrics.sppDeltaPsi,
      });
    }
    return out;
  }
}

const CHANNEL_SET = new Set<string>(CHANNELS);

/** Per configured list: it is read on every packet, and a config change replaces it (as thresholds assume). */
const declaredAbsentByList = new WeakMap<readonly string[], Channel[]>();

/** The channels the config declares not fitted (validated names; anything else is ignored). */
function declaredAbsent(config: WellConfig): Channel[] {
  const names = config.acquisition.absent_channels;
  let channels = declaredAbsentByList.get(names);
  if (!channels) {
    channels = names.filter((c): c is Channel => CHANNEL_SET.has(c));
    declaredAbsentByList.set(names, channels);
  }
  return channels;
}

function absentSettings(config: WellConfig): AbsentTrackerSettings {
  const rs = config.thresholds.rig_state;
  return { absentAfterS: config.acquisition.absent_after_s, circulationFlowMinGpm: rs.circulation_flow_min, idleRpmMax: rs.idle_rpm_max };
}

/** One unchanging reading through as much pumping as marks a never-moving channel absent. */
function stuckSettings(config: WellConfig): { stuckAfterS: number; circulationFlowMinGpm: number } {
  return { stuckAfterS: config.acquisition.absent_after_s, circulationFlowMinGpm: config.thresholds.rig_state.circulation_flow_min };
}
