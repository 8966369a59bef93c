// One packet through the engine: the coordinator's pure pipeline, then what the outcome means
// for storage, the baseline file and the screens. Ticket and verification events are published
// first and saved after (diagnostics); advisories are saved first (AdvisoryPublisher).
import type { AuditEntry } from '../../src-shared/advisory.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { BaselineFile } from '../baseline/baseline-file.js';
import type { BaselineLearner } from '../baseline/learner.js';
import type { FleetRecorder } from '../fleet/fleet-recorder.js';
import type { HealthMonitor } from '../health/health-monitor.js';
import type { AdvisoryEnricher } from '../llm/enricher.js';
import type { PacketOutcome, PipelineCoordinator } from '../pipeline/coordinator.js';
import { metricSampleOf } from '../pipeline/metric-sample.js';
import type { NewAuditEntry, PersistenceLayer } from '../storage/persistence.js';
import type { AdvisoryPublisher } from './advisory-publisher.js';
import type { AlarmPublisher } from './alarm-publisher.js';
import type { EventBus } from './event-bus.js';

export interface PacketLoopDeps {
  coordinator: PipelineCoordinator;
  storage: PersistenceLayer;
  baseline: BaselineLearner;
  baselineFile: BaselineFile | null;
  advisories: AdvisoryPublisher;
  alarms: AlarmPublisher;
  enricher: AdvisoryEnricher;
  events: EventBus;
  health: HealthMonitor;
  audit: (e: NewAuditEntry) => Promise<AuditEntry>;
  clock: () => number;
  log: (line: string) => void;
  status: () => LiveStatus;
  /** AMBER/RED advisories go to the fleet upload queue with the window before them. */
  fleet: FleetRecorder;
  /** Minimum wall-clock ms between 'status' events. */
  statusIntervalMs: number;
  /** The ML engine's scheduler takes every packet's outcome (data time). */
  ml: { observe(out: PacketOutcome): void };
  /** Each packet's data time (the automatic shift report watches it). */
  onDataTime?: (timeMs: number) => void;
}

export class PacketLoop {
  private lastStatusEventMs = -Infinity;

  constructor(private readonly d: PacketLoopDeps) {}

  ingest(raw: WitsPacket): void {
    const { coordinator, storage, events } = this.d;
    this.d.health.packetReceived();
    const out = coordinator.process(raw);
    if (out.metrics) storage.recordMetrics(metricSampleOf(out.packet, out.metrics));
    storage.recordPacketCounts(out.packet.timeMs, 1);
    storage.recordRigState(out.packet.timeMs, out.packet.rigState);
    if (out.baselineLocked) this.baselineLocked();
    this.d.ml.observe(out);
    if (out.ticket) {
      events.emit('ticket', out.ticket);
      storage.saveTicket(out.ticket).catch((e) => this.d.log(`ticket not saved: ${(e as Error).message}`));
    }
    if (out.verification) this.d.advisories.verified(out.verification);
    // Events after their advisory: the advisory carries the event id the screens look up.
    if (out.advisory && out.ticket && out.verification) {
      // The window is the history right now: captured before the next packet moves it on.
      void this.d.fleet.advisoryConfirmed(out.advisory, coordinator.historyWindow());
      const req = { advisory: out.advisory, ticket: out.ticket, verification: out.verification };
      // Staleness is judged in data time, so a replayed recording is enriched like a live feed.
      const dataNowMs = out.packet.timeMs;
      void this.d.advisories.publish(out.advisory).then(() => this.d.enricher.submit(req, dataNowMs));
    }
    if (out.transitions.length > 0) void this.d.alarms.publish(out.transitions);
    this.d.onDataTime?.(out.packet.timeMs);
    const now = this.d.clock();
    if (now - this.lastStatusEventMs >= this.d.statusIntervalMs) this.pushStatus();
  }

  /**
   * A status now, whatever the interval: a feed's state change (connecting, connected,
   * reconnecting) must reach the screens at once, and a dead feed sends no packets.
   */
  pushStatus(): void {
    this.lastStatusEventMs = this.d.clock();
    this.d.events.emit('status', this.d.status());
  }

  private baselineLocked(): void {
    const err = this.d.baselineFile?.save(this.d.baseline.snapshot());
    if (err) this.d.log(err);
    void this.d.audit({ timeMs: this.d.clock(), actor: 'system', kind: 'baseline-lock', summary: 'baseline metric locked', after: this.d.baseline.progress() });
  }
}
