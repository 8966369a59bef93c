// The HTTP API and WebSocket bridge (headless mode): bound and answering. The probe asks our own
// /api/v1/health on loopback, as any client would; a listener that stopped answering cannot be
// re-opened from inside the process, so the heal says what a person must do. The shell that runs
// a server registers this check (engine.registerHealthCheck); the desktop app has none.
import { healthy, manualIntervention, unhealthy, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export interface ApiListenerCheckOptions {
  /** The address the server is bound to and its port (0.0.0.0 and :: are asked on loopback). */
  host: string;
  port: number;
  /** server.token when bound off loopback (reads need it unless open_reads); it never leaves the process. */
  token?: string | null;
  timeoutMs?: number;
  clock?: () => number;
}

/** Where the process can reach its own server. */
export function selfCheckUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}/api/v1/health`;
}

export class ApiListenerCheck implements HealthCheck {
  readonly name = 'api';
  readonly volatileDetail = true;
  private readonly url: string;
  private last: { ok: boolean; detail: string } | null = null;

  constructor(private readonly o: ApiListenerCheckOptions) {
    this.url = selfCheckUrl(o.host, o.port);
  }

  async probe(): Promise<void> {
    const started = performance.now();
    const headers: Record<string, string> = this.o.token ? { authorization: `Bearer ${this.o.token}` } : {};
    try {
      const r = await fetch(this.url, { headers, signal: AbortSignal.timeout(this.o.timeoutMs ?? 5000) });
      const body = (await r.json().catch(() => null)) as { overall?: unknown } | null;
      const ms = Math.round(performance.now() - started);
      if (r.status === 200 && typeof body?.overall === 'string') this.last = { ok: true, detail: `answering on ${this.url} (${ms} ms)` };
      else this.last = { ok: false, detail: `${this.url} answered HTTP ${r.status}` };
    } catch (e) {
      const why = (e as Error).name === 'TimeoutError' ? `no answer within ${(this.o.timeoutMs ?? 5000) / 1000} s` : ((e as { cause?: Error }).cause?.message ?? (e as Error).message);
      this.last = { ok: false, detail: `${this.url} not answering: ${why}` };
    }
  }

  check(): CheckResult {
    if (!this.last) return healthy(`listening on port ${this.o.port} (first self-check pending)`);
    return this.last.ok ? healthy(this.last.detail) : unhealthy(this.last.detail);
  }

  async heal(current: CheckResult): Promise<HealAction> {
    return manualIntervention(`${current.reason}; the listener cannot be re-opened from inside: restart SAIREN (dashboards and API clients are cut off meanwhile; advisories continue)`);
  }
}
