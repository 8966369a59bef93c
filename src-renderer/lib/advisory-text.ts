// The text a screen shows for an advisory, in the screen's units. Template text comes as parts
// (numbers with units, src-shared/quantity.ts) and is printed in the chosen units; free text
// (the LLM's, verification and vote reasons, advisories stored before parts existed) has its
// "<number> <oilfield unit>" pairs converted. The driller's banner shows one action: the first
// clause of the recommendation. The full text stays in the Company man view.
import { shownText, type Advisory, type AdvisoryText } from '../../src-shared/advisory.js';
import { kindOfUnit, partsText, quantity, formatQuantity } from '../../src-shared/quantity.js';
import type { UnitSystem } from '../../src-shared/units.js';

/**
 * Text up to the first ':' or the first sentence end ('.', '!' or ';' followed by a space or the
 * end; a decimal point such as "12.5" does not end it), trimmed. Falls back to the whole text.
 */
export function actionLine(recommendation: string): string {
  const text = recommendation.trim().replace(/^→\s*/, '');
  const m = /^(.*?)(?::|[.!;](?=\s|$))/s.exec(text);
  const first = (m ? m[1] : text).trim();
  return first.length > 0 ? first : text;
}

/** One line: newlines and runs of spaces collapsed (the CSS ellipsis does the cutting). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Longest units first so "ft/hr" is not read as "ft".
const UNIT_IN_TEXT = /([+-]?\d[\d,]*(?:\.\d+)?)\s?(bbl\/hr|ft\/hr|kft-lbf|klbf|gpm|bbl|ppg|psi|ft)(?![\w/])/g;

/** "+32.0 gpm" in free text -> "+121 L/min" (same decimals as written, adjusted for the unit). */
export function convertFreeText(text: string, system: UnitSystem): string {
  if (system === 'imperial') return text;
  return text.replace(UNIT_IN_TEXT, (_m, num: string, unit: string) => {
    const value = Number(num.replace(/,/g, ''));
    if (!Number.isFinite(value)) return _m;
    const decimals = num.includes('.') ? num.split('.')[1].length : 0;
    const q = quantity(value, unit, decimals, num.startsWith('+'));
    return kindOfUnit(unit) === 'none' ? _m : formatQuantity(q, system, { group: true });
  });
}

function mapText(t: AdvisoryText, f: (s: string) => string): AdvisoryText {
  return { diagnosis: f(t.diagnosis), recommendation: f(t.recommendation), expectedBenefit: f(t.expectedBenefit), reasoning: f(t.reasoning) };
}

/** The advisory's shown text (LLM when it is shown, else template) in the screen's units. */
export function displayText(a: Advisory, system: UnitSystem): AdvisoryText {
  const parts = a.templateParts;
  if (a.source === 'llm' && a.llm) return mapText(a.llm, (s) => convertFreeText(s, system));
  if (!parts) return mapText(shownText(a), (s) => convertFreeText(s, system));
  const print = (p: typeof parts.diagnosis): string => partsText(p, system, { group: true });
  return { diagnosis: print(parts.diagnosis), recommendation: print(parts.recommendation), expectedBenefit: print(parts.expectedBenefit), reasoning: print(parts.reasoning) };
}
