// Per-fault outcome counts from advisories and their newest outcome (both stores share this).
import type { AnomalyCategory, FaultKind } from '../../src-shared/advisory.js';
import type { FleetOutcome } from '../../src-shared/fleet.js';
import type { OutcomeStat } from '../../src-shared/outcome.js';

export interface StatInput {
  fault: FaultKind;
  category: AnomalyCategory;
  /** The advisory's newest outcome kind; null = none recorded. */
  outcome: FleetOutcome['kind'] | null;
}

/** Sorted by fault name, one row per fault that had advisories. */
export function buildOutcomeStats(rows: Iterable<StatInput>): OutcomeStat[] {
  const byFault = new Map<FaultKind, OutcomeStat>();
  for (const r of rows) {
    let s = byFault.get(r.fault);
    if (!s) {
      s = { fault: r.fault, category: r.category, advisories: 0, resolved: 0, escalated: 0, confirmedReal: 0, falseAlarm: 0, unknown: 0 };
      byFault.set(r.fault, s);
    }
    s.advisories++;
    if (r.outcome === 'Resolved') s.resolved++;
    else if (r.outcome === 'Escalated') s.escalated++;
    else if (r.outcome === 'FalsePositive') s.falseAlarm++;
    else s.unknown++;
    s.confirmedReal = s.resolved + s.escalated;
  }
  return [...byFault.values()].sort((a, b) => (a.fault < b.fault ? -1 : a.fault > b.fault ? 1 : 0));
}
