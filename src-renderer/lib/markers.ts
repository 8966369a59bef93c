// Event markers on the trends: one per event (repeated advisories of one fault folded, as in
// the Company man list), at the time it was raised, coloured by its worst risk.
import type { Advisory, RiskLevel } from '../../src-shared/advisory.js';
import { groupAdvisories } from './group-advisories.js';

export interface EventMarker {
  timeMs: number;
  level: 'warn' | 'crit' | 'info';
}

const LEVEL: Record<RiskLevel, EventMarker['level']> = { Critical: 'crit', High: 'warn', Elevated: 'warn', Low: 'info' };

export function eventMarkers(advisories: readonly Advisory[]): EventMarker[] {
  return groupAdvisories(advisories).map((e) => ({ timeMs: e.firstMs, level: LEVEL[e.riskLevel] }));
}
