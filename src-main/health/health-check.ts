// The self-healer's contract (build plan §2.2): each component the engine depends on has a
// HealthCheck. `check()` says how it is right now and must be cheap (it runs on every health
// evaluation, once a second, for the banners); anything that needs I/O to find out (an integrity
// scan, a request to our own API) is a `probe()`, which the self-healer runs on its cadence and
// whose finding `check()` then reports. `heal()` acts on a component that is down.
import type { HealActionKind, HealthFlags, HealthStatus } from '../../src-shared/health.js';

export interface CheckResult {
  status: HealthStatus;
  /** Why (for degraded/unhealthy), or what is fine (for healthy): shown as the component's detail. */
  reason: string;
  /** Banner flags this component raises (the monitor ORs them together). */
  flags?: Partial<HealthFlags>;
  /** A mode, not a fault (baseline learning): left out of the overall status. */
  mode?: boolean;
}

export interface HealAction {
  action: HealActionKind;
  detail: string;
}

export interface HealthCheck {
  /** The component's name in health reports ('feed', 'storage', 'fleet-hub'...). */
  readonly name: string;
  /** Cheap and synchronous: no waiting I/O. Throwing is allowed: it reads as unhealthy. */
  check(): CheckResult;
  /** Slow fact-finding, run on the self-healer's cadence before check(). */
  probe?(): Promise<void>;
  /** Acts on an unhealthy component (and a degraded one when healsDegraded). */
  heal(current: CheckResult): Promise<HealAction>;
  /** Undoes a fallback once the component is healthy again (writes resumed, model back). */
  recover?(): Promise<HealAction | null>;
  /** Degraded is worth acting on too (the LLM in template mode after failures). */
  readonly healsDegraded?: boolean;
  /** The detail changes by itself every second (ages, free bytes): not a reason to push a health event. */
  readonly volatileDetail?: boolean;
}

export const healthy = (reason: string, flags?: Partial<HealthFlags>): CheckResult => ({ status: 'healthy', reason, flags });
export const degraded = (reason: string, flags?: Partial<HealthFlags>): CheckResult => ({ status: 'degraded', reason, flags });
export const unhealthy = (reason: string, flags?: Partial<HealthFlags>): CheckResult => ({ status: 'unhealthy', reason, flags });

export const reconnected = (detail: string): HealAction => ({ action: 'Reconnected', detail });
export const fallbackActivated = (detail: string): HealAction => ({ action: 'FallbackActivated', detail });
export const noActionNeeded = (detail: string): HealAction => ({ action: 'NoActionNeeded', detail });
export const manualIntervention = (reason: string): HealAction => ({ action: 'ManualInterventionRequired', detail: reason });

/** Rejects after ms with a readable reason (a probe or heal that hangs must not stall the pass). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
