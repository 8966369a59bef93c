// A stand-in for headless mode, used while src-main/headless/cli.ts is not there yet and by the
// renderer bench: serves dist-renderer at /, speaks the Bridge frames on /api/v1/bridge, and
// answers GET /api/v1/audit. Its "engine" is scripted (normal drilling, optional kick, a
// switchable feed outage), just enough to drive every screen.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Acknowledgement, Advisory, AuditEntry } from '../../../src-shared/advisory.js';
import type { BridgeCommand, BridgeEventName, BridgeResult, WsClientFrame, WsServerFrame } from '../../../src-shared/bridge.js';
import { BridgeRequests } from '../../../src-shared/bridge.js';
import { defaultConfig, type ConfigIssue, type WellConfig } from '../../../src-shared/config.js';
import type { HealthReport } from '../../../src-shared/health.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import type { LiveStatus } from '../../../src-shared/status.js';
import { makePacket } from '../../../src-shared/wits.js';
import { activeLimits, thresholdsFor } from '../../../src-main/physics/thresholds.js';

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wav': 'audio/wav', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface StandInOptions {
  /** 'kick' raises a CRITICAL kick advisory after kickAfterMs. */
  scenario: 'normal' | 'kick';
  kickAfterMs?: number;
  statusIntervalMs?: number;
  /** Hours of 1 Hz history getMetricSeries can return. */
  historyHours?: number;
}

export interface StandIn {
  url: string;
  port: number;
  setFeedOffline(offline: boolean): void;
  /** Push one status now; returns when sent. */
  pushStatus(): void;
  close(): Promise<void>;
}

function drillingValues(tMs: number, kick: boolean) {
  const wobble = Math.sin(tMs / 7000);
  const flowIn = 520;
  return {
    bitDepthFt: 10_000 + (tMs % 3_600_000) / 60_000,
    holeDepthFt: 10_000 + (tMs % 3_600_000) / 60_000,
    ropFtHr: 62 + 6 * wobble,
    wobKlbf: 25 + wobble,
    rpm: 120,
    torqueKftLbf: 15 + 0.5 * wobble,
    sppPsi: 3000 + 20 * wobble,
    flowInGpm: flowIn,
    flowOutGpm: kick ? flowIn + 45 : flowIn + 2 * wobble,
    pitVolumeBbl: kick ? 512.4 : 500 + wobble,
    hookLoadKlbf: 180,
    ecdPpg: 10.4,
    gasUnits: kick ? 220 : 40,
    mudWeightInPpg: 10,
  };
}

export async function startStandIn(rendererDir: string, opts: StandInOptions): Promise<StandIn> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html missing: run npm run build:renderer`);
  const startedMs = Date.now();
  let config: WellConfig = defaultConfig();
  let feedOffline = false;
  let kickAdvisory: Advisory | null = null;
  const acks: Acknowledgement[] = [];
  const audit: AuditEntry[] = [];
  const clients = new Set<WebSocket>();
  let seq = 0;

  const broadcast = (event: BridgeEventName, payload: unknown): void => {
    const text = JSON.stringify({ type: 'event', event, payload } satisfies WsServerFrame);
    for (const c of clients) if (c.readyState === c.OPEN) c.send(text);
  };
  const addAudit = (e: Omit<AuditEntry, 'seq' | 'timeMs'>): void => {
    const entry = { ...e, seq: ++seq, timeMs: Date.now() };
    audit.push(entry);
    broadcast('audit', entry);
  };

  const health = (): HealthReport => ({
    timeMs: Date.now(),
    overall: feedOffline ? 'unhealthy' : 'healthy',
    components: [{ name: 'wits', status: feedOffline ? 'unhealthy' : 'healthy', detail: feedOffline ? 'no packet for 30 s' : 'receiving' }],
    flags: { feedOffline, feedReconnecting: false, baselineLearning: false, templateOnly: true, diskLow: false, simulatedFeed: false },
    storage: { status: 'healthy', detail: 'ok', diskFull: false, pendingAdvisories: 0 },
  });

  let lastPacketMs = Date.now();
  const status = (): LiveStatus => {
    const now = Date.now();
    if (!feedOffline) lastPacketMs = now;
    const v = drillingValues(lastPacketMs, kickAdvisory !== null);
    const packet = { ...makePacket(lastPacketMs, v), rigState: 'Drilling' as const };
    const metrics: DrillingMetrics = {
      timeMs: lastPacketMs, rigState: 'Drilling', operation: 'ProductionDrilling', bitDepthFt: v.bitDepthFt, holeDepthFt: v.holeDepthFt,
      msePsi: 42_000 + 2000 * Math.sin(lastPacketMs / 9000), optimalMsePsi: 36_000, mseEfficiencyPercent: 86, dExponent: 1.42, dxc: 1.31,
      ecdPpg: 10.4, fractureGradientPpg: 14, ecdMarginPpg: 3.6, flowBalanceGpm: v.flowOutGpm - v.flowInGpm,
      pitRateBblHr: kickAdvisory ? 24 : 0.2, pitGainBbl: kickAdvisory ? 12.4 : 0.3, torqueCv: 0.04, torqueDeltaFraction: 0.02,
      sppDeltaPsi: 5, mseDeltaFraction: 0.03, hardness: 4.2,
    };
    return {
      timeMs: now, packet, metrics, rigState: 'Drilling', operation: 'ProductionDrilling', campaign: config.campaign.active,
      source: { kind: 'simulator', description: `stand-in ${opts.scenario}`, state: feedOffline ? 'offline' : 'connected', units: 'imperial', lastPacketMs, packets: Math.round((now - startedMs) / 1000), rejected: 0, badLines: 0, detail: '' },
      baseline: { mode: 'locked', samples: 100, required: 100, lockedAtMs: startedMs, metrics: [] },
      health: health(), currentAdvisory: kickAdvisory, limits: activeLimits(thresholdsFor(config, config.campaign.active)), events: [], absentChannels: [],
      counts: { packets: Math.round((now - startedMs) / 1000), rejectedPackets: 0, tickets: kickAdvisory ? 3 : 0, confirmed: kickAdvisory ? 1 : 0, uncertain: 0, rejected: 0, advisories: kickAdvisory ? 1 : 0 },
      latency: { parse: { p50Ms: 0.02, p95Ms: 0.05, p99Ms: 0.09, count: 1000 }, physics: { p50Ms: 0.04, p95Ms: 0.1, p99Ms: 0.2, count: 1000 }, total: { p50Ms: 0.2, p95Ms: 0.6, p99Ms: 1.1, count: 1000 } },
      llm: { mode: 'template-only', model: null, device: null, detail: 'no model file' },
    };
  };

  const makeKick = (): Advisory => {
    const s = status();
    return {
      id: 'ADV-0000beef', timeMs: Date.now(), ticketId: 'TKT-1', category: 'WellControl', fault: 'kick', severity: 'CRITICAL', riskLevel: 'Critical',
      consensusScore: 3.7, confidence: 0.92, source: 'template',
      template: { diagnosis: 'Kick: flow out 45 gpm above flow in, pit +12.4 bbl', recommendation: 'Stop drilling, pick up off bottom, shut down pumps and flow check', expectedBenefit: 'Limit influx volume', reasoning: 'Flow imbalance and pit gain both over critical for 30 s.' },
      llm: null, llmFallbackReason: null,
      physicsVerdict: { ticketId: 'TKT-1', timeMs: Date.now(), category: 'WellControl', fault: 'kick', status: 'Confirmed', severity: 'CRITICAL', reason: 'flow out 45 gpm above flow in for 30 s, pit +12.4 bbl', confidence: 0.9 },
      votes: [
        { specialist: 'WellControl', level: 'CRITICAL', weight: 0.3, reason: 'flow balance +45 gpm, pit gain 12.4 bbl' },
        { specialist: 'Hydraulics', level: 'HIGH', weight: 0.2, reason: 'SPP dropping 40 psi' },
        { specialist: 'MSE', level: 'LOW', weight: 0.2, reason: 'efficiency 86 %' },
      ],
      precedents: [{ id: 'P-1', summary: 'Kick at 9,850 ft, shut in, 14 bbl influx', source: 'static knowledge base' }],
      trigger: { parameter: 'flowBalanceGpm', value: 45, threshold: 20, unit: 'gpm' }, breaches: [],
      campaign: 'production', operation: 'ProductionDrilling', rigState: 'Drilling', depthFt: 10_012, metrics: s.metrics!,
    };
  };

  const validate = (cfg: Record<string, unknown>): { errors: ConfigIssue[] } => {
    const errors: ConfigIssue[] = [];
    const wc = ((cfg.thresholds as Record<string, unknown> | undefined)?.well_control ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(wc)) if (typeof v !== 'number') errors.push({ key: `thresholds.well_control.${k}`, message: `expected a number, got "${String(v)}"` });
    const w = wc.pit_gain_warning_bbl, c = wc.pit_gain_critical_bbl;
    if (typeof w === 'number' && typeof c === 'number' && w >= c) errors.push({ key: 'thresholds.well_control.pit_gain_warning_bbl', message: `must be below pit_gain_critical_bbl (${c})` });
    return { errors };
  };

  const handle = (command: BridgeCommand, raw: unknown): BridgeResult<BridgeCommand> => {
    const parsed = BridgeRequests[command].safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: parsed.error.issues.map((i) => i.message).join('; ') } };
    const req = parsed.data as Record<string, unknown>;
    switch (command) {
      case 'getStatus': return { ok: true, value: status() };
      case 'getHealth': return { ok: true, value: health() };
      case 'getHistory': return { ok: true, value: kickAdvisory ? [kickAdvisory] : [] };
      case 'getAcknowledgements': return { ok: true, value: acks.slice().reverse() };
      case 'acknowledge': {
        const a: Acknowledgement = { id: `ACK-${acks.length + 1}`, advisoryId: String(req.advisoryId), timeMs: Date.now(), actor: String(req.actor), action: String(req.action), notes: String(req.notes ?? '') };
        acks.push(a);
        addAudit({ actor: a.actor, kind: 'acknowledgement', summary: `${a.advisoryId}: ${a.action}`, before: null, after: a });
        broadcast('acknowledgement', a);
        return { ok: true, value: a };
      }
      case 'getConfig': return { ok: true, value: config };
      case 'validateConfig': { const { errors } = validate(req.config as Record<string, unknown>); return { ok: true, value: { ok: errors.length === 0, errors, warnings: [] } }; }
      case 'applyConfig': {
        const { errors } = validate(req.config as Record<string, unknown>);
        if (errors.length) return { ok: true, value: { ok: false, errors, warnings: [], applied: false } };
        const before = config;
        config = { ...config, ...(req.config as Partial<WellConfig>) };
        const b = before.thresholds.well_control, a = config.thresholds.well_control;
        const changed = Object.keys(a).filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b]).map((k) => `thresholds.well_control.${k}: ${b[k as keyof typeof b]} -> ${a[k as keyof typeof a]}`);
        addAudit({ actor: String(req.actor), kind: 'config-change', summary: changed.join(', ') || 'no change', before: b, after: a });
        return { ok: true, value: { ok: true, errors: [], warnings: [], applied: true } };
      }
      case 'setCampaign': return { ok: true, value: { campaign: config.campaign.active } };
      case 'getAudit': return { ok: true, value: audit.slice().reverse() };
      case 'getMetricSeries': {
        const from = Math.max(Number(req.fromMs), Date.now() - (opts.historyHours ?? 1) * 3_600_000);
        const to = Number(req.toMs);
        return {
          ok: true,
          value: (req.channels as string[]).map((channel) => {
            const points: [number, number][] = [];
            for (let t = Math.ceil(from / 1000) * 1000; t <= to; t += 1000) {
              const v = drillingValues(t, false) as Record<string, number>;
              const val = channel in v ? v[channel] : channel === 'dExponent' ? 1.4 + 0.1 * Math.sin(t / 60_000) : channel === 'msePsi' ? 42_000 + 3000 * Math.sin(t / 90_000) : channel === 'flowBalanceGpm' ? v.flowOutGpm - v.flowInGpm : Math.sin(t / 30_000);
              points.push([t, val]);
            }
            return { channel, points, resolution: 'raw' as const };
          }),
        };
      }
      case 'getBaseline': return { ok: true, value: status().baseline };
      case 'listSerialPorts': return { ok: true, value: { ports: [{ path: '/dev/ttyS0' }], note: null } };
      default: return { ok: false, error: { code: 'refused', message: `${command} is not supported by the stand-in` } };
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/v1/audit') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(audit.slice().reverse()));
      return;
    }
    const rel = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(rendererDir, rel);
    if (!file.startsWith(rendererDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', MIME[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  const wss = new WebSocketServer({ server, path: '/api/v1/bridge' });
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WsClientFrame;
      const result = handle(frame.command, frame.request);
      ws.send(JSON.stringify({ type: 'result', id: frame.id, result } satisfies WsServerFrame));
    });
  });

  const ticker = setInterval(() => broadcast('status', status()), opts.statusIntervalMs ?? 500);
  const kickTimer = opts.scenario === 'kick'
    ? setTimeout(() => {
        kickAdvisory = makeKick();
        broadcast('advisory', kickAdvisory);
      }, opts.kickAfterMs ?? 2000)
    : null;

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    setFeedOffline(offline) {
      feedOffline = offline;
      broadcast('health', health());
    },
    pushStatus: () => broadcast('status', status()),
    async close() {
      clearInterval(ticker);
      if (kickTimer) clearTimeout(kickTimer);
      for (const c of clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
