// How a precedent reads on screen: "F-7, 2,310 m, 3 weeks ago" then what was done and how it
// ended. Depth in the screen's units; "ago" measured from the advisory, not from now, so an old
// advisory still says how far back its precedent was.
import type { Precedent } from '../../src-shared/advisory.js';
import type { FleetOutcome } from '../../src-shared/fleet.js';
import { agoText, outcomeWord } from '../../src-shared/outcome.js';
import { toDisplay, unitLabel, type UnitSystem } from '../../src-shared/units.js';

export interface PrecedentView {
  id: string;
  /** "F-7, 2,310 m, 3 weeks ago"; null for a knowledge-base entry (text only). */
  head: string | null;
  /** "pack-off, circulated and reamed, resolved", or the entry's text. */
  what: string;
  outcome: FleetOutcome['kind'] | null;
  outcomeWord: string | null;
  source: string;
}

export function depthLabel(depthFt: number | null | undefined, units: UnitSystem): string | null {
  if (depthFt === null || depthFt === undefined || !Number.isFinite(depthFt)) return null;
  return `${Math.round(toDisplay(depthFt, 'depth', units)).toLocaleString('en-US')} ${unitLabel('depth', units)}`;
}

export function precedentView(p: Precedent, advisoryTimeMs: number, units: UnitSystem): PrecedentView {
  const structured = p.timeMs !== undefined;
  const head = structured
    ? [p.rig, depthLabel(p.depthFt, units), agoText(p.timeMs!, advisoryTimeMs)].filter((x): x is string => !!x).join(', ')
    : null;
  return {
    id: p.id,
    head,
    what: structured ? (p.resolution ?? p.summary) : p.summary,
    outcome: p.outcome?.kind ?? null,
    outcomeWord: p.outcome ? outcomeWord(p.outcome) : null,
    source: p.source,
  };
}
