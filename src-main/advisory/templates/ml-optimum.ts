// Sentences quoting the ML engine's optimum for the formation being drilled (issue 14 feedback):
// "WOB 32.0 klbf is above this formation's best range 22.0-27.0 klbf". Rich text, so each
// screen shows the numbers in its own units.
import type { FormationOptimum, ParameterRange } from '../../../src-shared/ml.js';
import { joinRich, rich, type RichText } from '../../../src-shared/quantity.js';
import { q } from './common.js';

export type Position = 'above' | 'below' | 'inside';

export function positionIn(value: number, r: ParameterRange): Position {
  return value > r.max ? 'above' : value < r.min ? 'below' : 'inside';
}

export const rangeText = (r: ParameterRange, unit: string, decimals: number): RichText =>
  rich`${q(r.min, unit, decimals)} to ${q(r.max, unit, decimals)}`;

/** Where the optimum comes from, for the reasoning paragraph. */
export function optimumSource(o: FormationOptimum): RichText {
  const at = new Date(o.reportTimeMs).toISOString().slice(0, 16).replace('T', ' ');
  return rich`ML optimum for this formation (${o.formation}, ${q(o.fromFt, 'ft', 0)} to ${q(o.toFt, 'ft', 0)}, report ${at} UTC, ${o.confidence} confidence): WOB ${q(o.wobKlbf.best, 'klbf', 1)} (${rangeText(o.wobKlbf, 'klbf', 1)}), RPM ${q(o.rpm.best, 'rpm', 0)} (${rangeText(o.rpm, 'rpm', 0)}) gave ROP ${q(o.expectedRopFtHr, 'ft/hr', 0)}.`;
}

/** "WOB 32.0 klbf is above this formation's best range 22.0-27.0 klbf" (or inside / below). */
export function wobAgainstOptimum(wobKlbf: number, o: FormationOptimum): { position: Position; text: RichText } {
  const position = positionIn(wobKlbf, o.wobKlbf);
  return { position, text: rich`WOB ${q(wobKlbf, 'klbf', 1)} is ${position} this formation's best range ${rangeText(o.wobKlbf, 'klbf', 1)}` };
}

/** The parameter moves that bring WOB and RPM into this formation's best range, or null when both are in it. */
export function movesToOptimum(wobKlbf: number | null, rpm: number | null, o: FormationOptimum): RichText | null {
  const moves: RichText[] = [];
  if (wobKlbf !== null && positionIn(wobKlbf, o.wobKlbf) !== 'inside') {
    moves.push(rich`${wobKlbf > o.wobKlbf.max ? 'reduce' : 'raise'} WOB from ${q(wobKlbf, 'klbf', 1)} to ${q(o.wobKlbf.best, 'klbf', 1)}`);
  }
  if (rpm !== null && positionIn(rpm, o.rpm) !== 'inside') {
    moves.push(rich`${rpm > o.rpm.max ? 'reduce' : 'raise'} RPM from ${q(rpm, 'rpm', 0)} to ${q(o.rpm.best, 'rpm', 0)}`);
  }
  return moves.length ? joinRich(moves, ' and ') : null;
}
