// STAND-IN for createEngine (src-main/pipeline/create-engine.ts) while the lead builds it:
// implements the Engine interface over a real PersistenceLayer, with the Bridge validation,
// audit and events the real engine promises. It has no physics: tests push advisories in.
import { z } from 'zod';
import type { Advisory, VerificationResult } from '../../../src-shared/advisory.js';
import {
  BridgeRequests,
  type BridgeCommand,
  type BridgeEventName,
  type BridgeEvents,
  type BridgeResult,
} from '../../../src-shared/bridge.js';
import { parseCampaign } from '../../../src-shared/campaign.js';
import { WellConfigSchema, defaultConfig, type ConfigValidation, type WellConfig } from '../../../src-shared/config.js';
import type { LiveStatus } from '../../../src-shared/status.js';
import type { WitsPacket } from '../../../src-shared/wits.js';
import type { Engine } from '../../../src-main/pipeline/engine.js';
import type { PersistenceLayer } from '../../../src-main/storage/persistence.js';

type Handler = (req: never) => Promise<BridgeResult<BridgeCommand>>;

export class FakeEngine implements Engine {
  private readonly listeners = new Map<BridgeEventName, Set<(p: never) => void>>();
  private live: LiveStatus;
  private cfg: WellConfig = defaultConfig();
  private current: Advisory | null = null;
  private verification: VerificationResult | null = null;

  constructor(readonly storage: PersistenceLayer) {
    this.live = {
      timeMs: 0, packet: null, metrics: null, rigState: 'Idle', operation: 'Static', campaign: 'production',
      source: { kind: 'simulator', description: 'fake', state: 'connected', units: 'imperial', lastPacketMs: null, packets: 0, rejected: 0, badLines: 0, detail: '' },
      baseline: { mode: 'learning', samples: 0, required: 100, lockedAtMs: null, metrics: [] },
      health: { timeMs: 0, overall: 'healthy', components: [], flags: { feedOffline: false, feedReconnecting: false, baselineLearning: true, templateOnly: true, diskLow: false } },
      currentAdvisory: null,
      counts: { packets: 0, rejectedPackets: 0, tickets: 0, confirmed: 0, uncertain: 0, rejected: 0, advisories: 0 },
      latency: {},
      llm: { mode: 'template-only', model: null, device: null, detail: 'no model' },
    };
  }

  private emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (p: BridgeEvents[E]) => void)(payload);
  }

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (p: never) => void);
    return () => set.delete(listener as (p: never) => void);
  }

  status(): LiveStatus {
    return this.live;
  }
  currentAdvisory(): Advisory | null {
    return this.current;
  }
  latestVerification(): VerificationResult | null {
    return this.verification;
  }
  config(): WellConfig {
    return this.cfg;
  }

  ingest(packet: WitsPacket): void {
    const c = this.live.counts;
    this.live = { ...this.live, timeMs: packet.timeMs, packet, rigState: packet.rigState, counts: { ...c, packets: c.packets + 1 } };
    this.storage.recordMetrics({ timeMs: packet.timeMs, values: { sppPsi: packet.sppPsi, flowInGpm: packet.flowInGpm, holeDepthFt: packet.holeDepthFt } });
    this.storage.recordPacketCounts(packet.timeMs, 1);
    this.emit('status', this.live);
  }

  /** Test hook: what the pipeline does for a confirmed advisory. */
  async publishAdvisory(a: Advisory): Promise<void> {
    await this.storage.saveVerification(a.physicsVerdict);
    await this.storage.saveAdvisory(a);
    this.current = a;
    this.verification = a.physicsVerdict;
    this.live = { ...this.live, currentAdvisory: a };
    this.emit('advisory', a);
  }

  async start(): Promise<void> {}
  async dispose(): Promise<void> {
    await this.storage.close();
  }

  private validate(config: Record<string, unknown>): ConfigValidation {
    const r = WellConfigSchema.safeParse(config);
    return r.success
      ? { ok: true, errors: [], warnings: [] }
      : { ok: false, errors: r.error.issues.map((i) => ({ key: i.path.join('.') || '(root)', message: i.message })), warnings: [] };
  }

  private readonly handlers: { [C in BridgeCommand]: (req: z.output<(typeof BridgeRequests)[C]>) => Promise<BridgeResult<C>> } = {
    getStatus: async () => ({ ok: true, value: this.live }),
    getHealth: async () => ({ ok: true, value: this.live.health }),
    getHistory: async (q) => ({ ok: true, value: await this.storage.listAdvisories({ ...q, limit: q.limit ?? 50 }) }),
    getAcknowledgements: async (q) => ({ ok: true, value: await this.storage.listAcknowledgements(q) }),
    acknowledge: async (req) => {
      if (!(await this.storage.getAdvisory(req.advisoryId))) {
        return { ok: false, error: { code: 'not-found', message: `no advisory ${req.advisoryId}` } };
      }
      const ack = await this.storage.acknowledge({ ...req, timeMs: Date.now() });
      const audit = await this.storage.appendAudit({ timeMs: ack.timeMs, actor: ack.actor, kind: 'acknowledgement', summary: `${ack.advisoryId}: ${ack.action}`, after: ack });
      this.emit('acknowledgement', ack);
      this.emit('audit', audit);
      return { ok: true, value: ack };
    },
    getConfig: async () => ({ ok: true, value: this.cfg }),
    validateConfig: async (req) => ({ ok: true, value: this.validate(req.config) }),
    applyConfig: async (req) => {
      const v = this.validate(req.config);
      if (!v.ok) return { ok: true, value: { ...v, applied: false } };
      const before = this.cfg;
      this.cfg = WellConfigSchema.parse(req.config);
      this.emit('audit', await this.storage.appendAudit({ timeMs: Date.now(), actor: req.actor, kind: 'config-change', summary: 'config applied', before, after: this.cfg }));
      return { ok: true, value: { ...v, applied: true } };
    },
    setCampaign: async (req) => {
      const to = parseCampaign(req.campaign);
      if (!to) return { ok: false, error: { code: 'invalid-request', message: `unknown campaign "${req.campaign}": use production or plug_abandonment` } };
      const from = this.live.campaign;
      this.live = { ...this.live, campaign: to };
      this.emit('audit', await this.storage.appendAudit({ timeMs: Date.now(), actor: req.actor, kind: 'campaign-switch', summary: `${from} -> ${to}`, before: from, after: to }));
      return { ok: true, value: { campaign: to } };
    },
    getAudit: async (q) => ({ ok: true, value: await this.storage.listAudit(q) }),
    getMetricSeries: async (q) => ({ ok: true, value: await this.storage.queryMetrics(q.channels, q.fromMs, q.toMs, q.maxPoints ?? 1000) }),
    getBaseline: async () => ({ ok: true, value: this.live.baseline }),
    setSource: async () => ({ ok: false, error: { code: 'refused', message: 'the fake engine has no sources' } }),
    listSerialPorts: async () => ({ ok: true, value: { ports: [], note: 'fake' } }),
    setLlmModel: async () => ({ ok: false, error: { code: 'refused', message: 'the fake engine has no LLM' } }),
  };

  async call<C extends BridgeCommand>(command: C, request: unknown): Promise<BridgeResult<C>> {
    const schema = BridgeRequests[command] as z.ZodType | undefined;
    if (!schema) return { ok: false, error: { code: 'invalid-request', message: `unknown command ${String(command)}` } };
    const parsed = schema.safeParse(request ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-request', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ') } };
    }
    return (this.handlers[command] as unknown as Handler)(parsed.data as never) as Promise<BridgeResult<C>>;
  }
}
