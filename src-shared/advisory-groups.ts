// One row per event in the Company man list and in reports. During one ongoing kick the engine
// publishes a new CRITICAL advisory about every 40 s (30 s critical cooldown plus the tactical gate; that
// is by design and stays), so the raw list fills with near-identical rows. Here advisories of
// the same fault and category are chained into one event while each follows the previous one
// of that chain within `gapMs`. Pure: no React, no store.
import { RISK_RANK, SEVERITY_RANK, type Advisory, type RiskLevel, type Severity } from './advisory.js';

/** A new advisory more than this after the previous one of the same fault starts a new event. */
export const EVENT_GAP_MS = 5 * 60_000;

export interface AdvisoryEvent {
  /** The first (earliest) member's id: stable while the event grows. */
  key: string;
  fault: Advisory['fault'];
  category: Advisory['category'];
  /** Newest first. */
  members: Advisory[];
  /** The newest member: its evidence is what the row shows when selected. */
  latest: Advisory;
  /** Worst member by risk level, then severity, then the newest of equals. */
  worst: Advisory;
  riskLevel: RiskLevel;
  severity: Severity;
  firstMs: number;
  lastMs: number;
  count: number;
  /** Members with at least one acknowledgement. */
  ackedCount: number;
  /** Whether the newest member is acknowledged (the one the alarm re-armed for). */
  latestAcked: boolean;
}

function worse(a: Advisory, b: Advisory): boolean {
  const r = RISK_RANK[a.riskLevel] - RISK_RANK[b.riskLevel];
  if (r !== 0) return r > 0;
  const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (s !== 0) return s > 0;
  return a.timeMs > b.timeMs;
}

/**
 * Groups advisories (any order) into events, newest event first.
 *
 * "Consecutive" means consecutive among advisories of the same fault and category: a stray
 * advisory of another fault in the middle of a kick does not split the kick into two events
 * (it gets its own row), because the company man reads the list as "what happened", and the
 * kick was one thing that happened.
 */
export function groupAdvisories(
  advisories: readonly Advisory[],
  ackedIds: ReadonlySet<string> = new Set(),
  gapMs: number = EVENT_GAP_MS,
): AdvisoryEvent[] {
  const sorted = advisories.slice().sort((x, y) => x.timeMs - y.timeMs || x.id.localeCompare(y.id));
  const open = new Map<string, Advisory[]>(); // fault|category -> members of the open chain, oldest first
  const chains: Advisory[][] = [];
  for (const a of sorted) {
    const k = `${a.fault}|${a.category}`;
    const chain = open.get(k);
    if (chain && a.timeMs - chain[chain.length - 1]!.timeMs <= gapMs) {
      chain.push(a);
    } else {
      const fresh = [a];
      open.set(k, fresh);
      chains.push(fresh);
    }
  }
  const events = chains.map((chain): AdvisoryEvent => {
    const first = chain[0]!;
    const latest = chain[chain.length - 1]!;
    let worst = first;
    for (const a of chain) if (worse(a, worst)) worst = a;
    return {
      key: first.id,
      fault: first.fault,
      category: first.category,
      members: chain.slice().reverse(),
      latest,
      worst,
      riskLevel: worst.riskLevel,
      severity: worst.severity,
      firstMs: first.timeMs,
      lastMs: latest.timeMs,
      count: chain.length,
      ackedCount: chain.filter((a) => ackedIds.has(a.id)).length,
      latestAcked: ackedIds.has(latest.id),
    };
  });
  return events.sort((x, y) => y.lastMs - x.lastMs || y.key.localeCompare(x.key));
}

/**
 * The event's acknowledgement in words. A count, not "any" or "all": "any" would hide that
 * the kick kept raising new CRITICALs after the first acknowledgement (each re-arms the alarm),
 * and "all" would show a handled kick as unhandled because the crew acknowledged once and
 * acted. "3 of 25 acknowledged" tells the company man both that someone responded and that
 * later advisories were not answered one by one; `latestAcked` says whether the newest was.
 */
export function ackSummary(e: Pick<AdvisoryEvent, 'count' | 'ackedCount'>): string {
  if (e.count === 1) return e.ackedCount > 0 ? 'acknowledged' : 'not acknowledged';
  if (e.ackedCount === 0) return 'none acknowledged';
  if (e.ackedCount === e.count) return `all ${e.count} acknowledged`;
  return `${e.ackedCount} of ${e.count} acknowledged`;
}

/** The event holding the advisory with this id, if any. */
export function eventOf(events: readonly AdvisoryEvent[], id: string | null): AdvisoryEvent | null {
  if (id === null) return null;
  return events.find((e) => e.members.some((a) => a.id === id)) ?? null;
}
