// The outcome choice as a form: which kind, and the text it needs (the action that resolved
// it, or why it was escalated). Pure, so the dialog and the panel share one rule.
import type { FleetOutcome } from '../../src-shared/fleet.js';

export type OutcomeChoiceKind = 'unknown' | 'Resolved' | 'Escalated' | 'FalsePositive';

export interface OutcomeChoiceState {
  kind: OutcomeChoiceKind;
  text: string;
}

export const NO_OUTCOME: OutcomeChoiceState = { kind: 'unknown', text: '' };

export type RecordedOutcome = Exclude<FleetOutcome, { kind: 'Pending' }>;

/** null outcome = not known yet (allowed at acknowledgement, not when recording one). */
export function outcomeFromChoice(c: OutcomeChoiceState): { ok: true; outcome: RecordedOutcome | null } | { ok: false; error: string } {
  const text = c.text.trim();
  switch (c.kind) {
    case 'unknown':
      return { ok: true, outcome: null };
    case 'FalsePositive':
      return { ok: true, outcome: { kind: 'FalsePositive' } };
    case 'Resolved':
      return text ? { ok: true, outcome: { kind: 'Resolved', action: text } } : { ok: false, error: 'Say what resolved it.' };
    case 'Escalated':
      return text ? { ok: true, outcome: { kind: 'Escalated', reason: text } } : { ok: false, error: 'Say why it was escalated.' };
  }
}
