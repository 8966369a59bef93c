// How this advisory ended, and a way to record or change it once it is known (audited by the
// engine; it becomes a precedent for the next similar event).
import { useState } from 'react';
import type { Advisory } from '../../src-shared/advisory.js';
import { outcomeText } from '../../src-shared/outcome.js';
import { NO_OUTCOME, outcomeFromChoice, type OutcomeChoiceState } from '../lib/outcome-form.js';
import { dateTimeText } from '../lib/time-format.js';
import { usePrefs } from '../store/prefs-store.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { getBridge } from '../store/connect.js';
import { useOutcomes } from '../store/outcome-store.js';
import { OutcomeChoice } from './OutcomeChoice.js';

export function OutcomePanel({ advisory }: { advisory: Advisory }): React.JSX.Element {
  const current = useOutcomes((s) => s.latest[advisory.id]);
  const [editing, setEditing] = useState(false);
  const clock = usePrefs((p) => p.clock);
  return (
    <div data-testid="outcome-panel" data-outcome={current?.outcome.kind ?? ''}>
      <p>
        {current ? (
          <span data-testid="outcome-current">
            {outcomeText(current.outcome)} <span className="muted">({current.actor}, {dateTimeText(current.timeMs, clock)})</span>
          </span>
        ) : (
          <span className="muted">Not recorded yet.</span>
        )}{' '}
        {!editing && (
          <button className="btn" data-testid="outcome-edit" onClick={() => setEditing(true)}>
            {current ? 'Change outcome' : 'Record outcome'}
          </button>
        )}
      </p>
      {editing && <OutcomeForm key={advisory.id} advisoryId={advisory.id} done={() => setEditing(false)} />}
    </div>
  );
}

function OutcomeForm({ advisoryId, done }: { advisoryId: string; done: () => void }): React.JSX.Element {
  const [choice, setChoice] = useState<OutcomeChoiceState>({ ...NO_OUTCOME, kind: 'Resolved' });
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()));
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    const o = outcomeFromChoice(choice);
    if (!o.ok) return setError(o.error);
    if (!o.outcome) return setError('Choose how it ended.');
    if (!actor.trim()) return setError('Enter your name.');
    setBusy(true);
    setError(null);
    const r = await getBridge().call('setOutcome', { advisoryId, outcome: o.outcome, actor: actor.trim(), notes });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    rememberActor(localStorage, actor.trim(), Date.now());
    useOutcomes.getState().apply(r.value);
    done();
  };

  return (
    <div className="outcome-form" data-testid="outcome-form">
      <OutcomeChoice value={choice} onChange={setChoice} allowUnknown={false} />
      <label className="field-label">
        Notes
        <input className="field-big" data-testid="outcome-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <label className="field-label">
        Your name
        <input className="field-big" data-testid="outcome-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
      </label>
      {error && <div className="form-error" data-testid="outcome-error">{error}</div>}
      <div className="modal-buttons">
        <button className="btn" onClick={done}>Cancel</button>
        <button className="btn btn-ack" data-testid="outcome-save" disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save outcome'}
        </button>
      </div>
    </div>
  );
}
