// Event markers on the trends: one per alarm event, at the time it was raised, coloured by its
// worst risk; advisories recorded before events are folded per fault as in the Company man list.
import type { Advisory, RiskLevel } from '../../src-shared/advisory.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import { groupAdvisories } from './group-advisories.js';

export interface EventMarker {
  timeMs: number;
  level: 'warn' | 'crit' | 'info';
}

const LEVEL: Record<RiskLevel, EventMarker['level']> = { Critical: 'crit', High: 'warn', Elevated: 'warn', Low: 'info' };

export function eventMarkers(events: readonly AlarmEvent[], advisories: readonly Advisory[]): EventMarker[] {
  const before = groupAdvisories(advisories.filter((a) => !a.eventId)).map((g) => ({ timeMs: g.firstMs, level: LEVEL[g.riskLevel] }));
  const own = events.map((e) => ({ timeMs: e.openedMs, level: LEVEL[e.worstRiskLevel] }));
  return [...own, ...before].sort((a, b) => b.timeMs - a.timeMs);
}
