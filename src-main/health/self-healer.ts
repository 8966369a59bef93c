// The self-healer (DOMAIN.md §13, build plan §2.2): a background task that, on its cadence
// (health.check_interval_s, 30 s), runs every registered HealthCheck: probe, check, and heal what
// is down. It never throws: a probe, check or heal that fails or hangs is caught, logged and shown
// as the component's state. Each heal is remembered (the component's "last heal action") and,
// when it changed something, audited. Later work (fleet hub) registers its own checks.
import type { AuditEntry } from '../../src-shared/advisory.js';
import type { HealRecord, HealthStatus, LogLevel } from '../../src-shared/health.js';
import type { NewAuditEntry } from '../storage/persistence.js';
import { errorText, manualIntervention, unhealthy, withTimeout, type CheckResult, type HealAction, type HealthCheck } from './health-check.js';

export type HealthLog = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export interface SelfHealerDeps {
  clock: () => number;
  audit: (e: NewAuditEntry) => Promise<AuditEntry | unknown>;
  log?: HealthLog;
  /** The pass cadence, read before each pass so a configuration change applies at once (ms). */
  intervalMs: () => number;
  /** Longest a probe, heal or recovery may take before it is abandoned (ms). */
  stepTimeoutMs?: number;
  /** After each pass (the monitor re-evaluates and pushes what changed). */
  onPass?: () => void;
}

export interface PassResult {
  name: string;
  result: CheckResult;
  heal: HealAction | null;
}

export class SelfHealer {
  private readonly registered: HealthCheck[] = [];
  private readonly heals = new Map<string, HealRecord>();
  private readonly lastStatus = new Map<string, HealthStatus>();
  /** Components whose heal switched on a fallback that recover() may undo. */
  private readonly inFallback = new Set<string>();
  /** Probe failures, shown by the component until its next successful probe. */
  private readonly probeErrors = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PassResult[]> | null = null;
  private stopped = true;
  private passes = 0;
  private lastPassMs: number | null = null;

  constructor(private readonly d: SelfHealerDeps) {}

  /** Adds a check (fleet, the API listener); returns how to take it out again. */
  register(check: HealthCheck): () => void {
    if (this.registered.some((c) => c.name === check.name)) throw new Error(`a health check named ${check.name} is already registered`);
    this.registered.push(check);
    return () => {
      const i = this.registered.indexOf(check);
      if (i >= 0) this.registered.splice(i, 1);
      this.heals.delete(check.name);
      this.lastStatus.delete(check.name);
      this.inFallback.delete(check.name);
      this.probeErrors.delete(check.name);
    };
  }

  checks(): readonly HealthCheck[] {
    return this.registered;
  }

  /** The component's state now (cheap): its check, or the probe failure that stands in for it. */
  current(check: HealthCheck): CheckResult {
    const probeError = this.probeErrors.get(check.name);
    if (probeError) return unhealthy(probeError);
    try {
      return check.check();
    } catch (e) {
      return unhealthy(`health check failed: ${errorText(e)}`);
    }
  }

  lastHeal(name: string): HealRecord | undefined {
    return this.heals.get(name);
  }

  summary(): { intervalS: number; lastPassMs: number | null; passes: number } {
    return { intervalS: Math.round(this.d.intervalMs() / 100) / 10, lastPassMs: this.lastPassMs, passes: this.passes };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass now (tests, and the timer). Passes never overlap: a second caller gets the running one. */
  runPass(): Promise<PassResult[]> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runPass().finally(() => this.schedule());
    }, Math.max(100, this.d.intervalMs()));
    this.timer.unref();
  }

  private async pass(): Promise<PassResult[]> {
    const out: PassResult[] = [];
    for (const check of [...this.registered]) {
      try {
        out.push(await this.one(check));
      } catch (e) {
        // one() catches everything it calls; this is the last line of defence.
        this.say('error', `self-healer: ${check.name}: ${errorText(e)}`, { component: check.name });
      }
    }
    this.passes++;
    this.lastPassMs = this.d.clock();
    try {
      this.d.onPass?.();
    } catch (e) {
      this.say('error', `self-healer: after the pass: ${errorText(e)}`);
    }
    return out;
  }

  private async one(check: HealthCheck): Promise<PassResult> {
    if (check.probe) {
      try {
        await withTimeout(check.probe(), this.stepTimeoutMs(), `${check.name} probe`);
        this.probeErrors.delete(check.name);
      } catch (e) {
        this.probeErrors.set(check.name, `health probe failed: ${errorText(e)}`);
      }
    }
    const result = this.current(check);
    this.noteStatus(check.name, result);
    let heal: HealAction | null = null;
    if (result.status === 'unhealthy' || (result.status === 'degraded' && check.healsDegraded)) {
      heal = await this.attempt(check.name, () => check.heal(result), 'heal');
      if (heal.action === 'FallbackActivated') this.inFallback.add(check.name);
      if (heal.action === 'Reconnected') this.inFallback.delete(check.name);
    } else if (result.status === 'healthy' && this.inFallback.has(check.name)) {
      this.inFallback.delete(check.name);
      if (check.recover) heal = await this.attempt(check.name, async () => (await check.recover!()) ?? null, 'recovery');
    }
    if (heal) await this.record(check.name, heal);
    return { name: check.name, result, heal };
  }

  private async attempt<T extends HealAction | null>(name: string, work: () => Promise<T>, what: string): Promise<HealAction | T> {
    try {
      return await withTimeout(work(), this.stepTimeoutMs(), `${name} ${what}`);
    } catch (e) {
      return manualIntervention(`${what} failed: ${errorText(e)}`);
    }
  }

  private noteStatus(name: string, r: CheckResult): void {
    const before = this.lastStatus.get(name);
    if (before === r.status) return;
    this.lastStatus.set(name, r.status);
    if (before === undefined && r.status === 'healthy') return;
    this.say(r.status === 'healthy' ? 'info' : 'warn', `health: ${name} ${r.status}: ${r.reason}`, { component: name, status: r.status, before: before ?? null });
  }

  private async record(name: string, heal: HealAction): Promise<void> {
    const previous = this.heals.get(name);
    const now = this.d.clock();
    this.heals.set(name, { action: heal.action, detail: heal.detail, atMs: now });
    const repeated = previous?.action === heal.action && previous.detail === heal.detail;
    if (repeated) return;
    this.say(heal.action === 'ManualInterventionRequired' ? 'error' : heal.action === 'NoActionNeeded' ? 'info' : 'warn', `self-healer: ${name}: ${heal.action}: ${heal.detail}`, {
      component: name,
      action: heal.action,
    });
    if (heal.action === 'NoActionNeeded') return;
    try {
      await this.d.audit({ timeMs: now, actor: 'self-healer', kind: 'self-heal', summary: `${name}: ${heal.action}: ${heal.detail}`, after: { component: name, action: heal.action } });
    } catch (e) {
      this.say('warn', `self-healer: ${name}: heal not audited: ${errorText(e)}`, { component: name });
    }
  }

  private stepTimeoutMs(): number {
    return this.d.stepTimeoutMs ?? 120_000;
  }

  private say(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    try {
      this.d.log?.(level, message, fields);
    } catch {
      // A broken log must not stop healing.
    }
  }
}
