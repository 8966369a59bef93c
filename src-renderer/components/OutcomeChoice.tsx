// How it ended: resolved (with the action), escalated (with the reason), false alarm, or not
// known yet. Used by the acknowledge dialog and by the advisory's outcome panel.
import type { OutcomeChoiceKind, OutcomeChoiceState } from '../lib/outcome-form.js';

const CHOICES: { kind: OutcomeChoiceKind; label: string }[] = [
  { kind: 'Resolved', label: 'Resolved' },
  { kind: 'Escalated', label: 'Escalated' },
  { kind: 'FalsePositive', label: 'False alarm' },
  { kind: 'unknown', label: 'Not known yet' },
];

export function OutcomeChoice({ value, onChange, allowUnknown = true }: {
  value: OutcomeChoiceState;
  onChange: (v: OutcomeChoiceState) => void;
  allowUnknown?: boolean;
}): React.JSX.Element {
  const needsText = value.kind === 'Resolved' || value.kind === 'Escalated';
  return (
    <div className="outcome-choice" data-testid="outcome-choice">
      <div className="ack-actions">
        {CHOICES.filter((c) => allowUnknown || c.kind !== 'unknown').map((c) => (
          <button
            key={c.kind}
            type="button"
            className={`btn btn-choice ${value.kind === c.kind ? 'chosen' : ''}`}
            data-testid={`outcome-${c.kind.toLowerCase()}`}
            onClick={() => onChange({ kind: c.kind, text: value.text })}
          >
            {c.label}
          </button>
        ))}
      </div>
      {needsText && (
        <input
          className="field-big"
          data-testid="outcome-text"
          placeholder={value.kind === 'Resolved' ? 'What resolved it (e.g. circulated and reamed)' : 'Why it was escalated'}
          value={value.text}
          onChange={(e) => onChange({ kind: value.kind, text: e.target.value })}
        />
      )}
    </div>
  );
}
