// In-process filtering used by MemoryStore and by SqliteStore for advisories waiting in memory.
import { RISK_RANK, type Advisory, type RiskLevel } from '../../src-shared/advisory.js';
import type { AdvisoryQuery } from './persistence.js';

export const DEFAULT_LIMIT = 50;

export function riskRank(r: RiskLevel | string | undefined): number {
  return r && r in RISK_RANK ? RISK_RANK[r as RiskLevel] : 0;
}

export function advisoryMatches(a: Advisory, q: AdvisoryQuery): boolean {
  if (q.category !== undefined && a.category !== q.category) return false;
  if (q.sinceMs !== undefined && a.timeMs < q.sinceMs) return false;
  if (q.untilMs !== undefined && a.timeMs > q.untilMs) return false;
  if (q.minRisk !== undefined && riskRank(a.riskLevel) < riskRank(q.minRisk)) return false;
  return true;
}

/** Newest first; ties broken by id so both stores agree. */
export function compareAdvisoriesNewestFirst(x: Advisory, y: Advisory): number {
  return y.timeMs - x.timeMs || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0);
}

export function inTimeRange(timeMs: number, q: { sinceMs?: number; untilMs?: number }): boolean {
  return (q.sinceMs === undefined || timeMs >= q.sinceMs) && (q.untilMs === undefined || timeMs <= q.untilMs);
}

export function clampLimit(limit: number | undefined, max = 5000): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** Up to `limit` copies of the items that match, newest (last appended) first. */
export function newestFirst<T>(items: readonly T[], limit: number, matches: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = items.length - 1; i >= 0 && out.length < limit; i--) if (matches(items[i])) out.push(structuredClone(items[i]));
  return out;
}
