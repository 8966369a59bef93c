// Acknowledge dialog: what was done, how it ended (when known), notes, who. The actor name is
// remembered for the shift.
// The stored acknowledgement returned by the engine goes into history at once.
import { useState } from 'react';
import { NO_OUTCOME, outcomeFromChoice, type OutcomeChoiceState } from '../lib/outcome-form.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { OutcomeChoice } from './OutcomeChoice.js';

export const ACK_ACTIONS = [
  'Flow check performed',
  'Shut in well',
  'Reduced WOB',
  'Adjusted RPM',
  'Reduced pump rate',
  'Circulated bottoms up',
  'Monitoring',
  'False alarm',
] as const;

export function AckDialog(): React.JSX.Element | null {
  const advisoryId = useApp((s) => s.ackDialogFor);
  if (!advisoryId) return null;
  return <AckForm key={advisoryId} advisoryId={advisoryId} />;
}

function AckForm({ advisoryId }: { advisoryId: string }): React.JSX.Element {
  const close = (): void => useApp.getState().openAck(null);
  const [action, setAction] = useState<string>('');
  const [other, setOther] = useState('');
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<OutcomeChoiceState>(NO_OUTCOME);
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen = action === 'other' ? other.trim() : action;
  // "False alarm" as the action is also the outcome, unless one was already chosen.
  const chooseAction = (a: string): void => {
    setAction(a);
    if (a === 'False alarm' && outcome.kind === 'unknown') setOutcome({ kind: 'FalsePositive', text: '' });
  };

  const submit = async (): Promise<void> => {
    if (!chosen) return setError('Choose the action taken.');
    if (!actor.trim()) return setError('Enter your name.');
    const o = outcomeFromChoice(outcome);
    if (!o.ok) return setError(o.error);
    setBusy(true);
    setError(null);
    const r = await getBridge().call('acknowledge', { advisoryId, actor: actor.trim(), action: chosen, notes, ...(o.outcome ? { outcome: o.outcome } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    rememberActor(localStorage, actor.trim(), Date.now());
    useApp.getState().addAck(r.value);
    close();
  };

  return (
    <div className="modal-backdrop" onClick={close}>
      <div className="modal" data-testid="ack-dialog" role="dialog" aria-label="Acknowledge advisory" onClick={(e) => e.stopPropagation()}>
        <h2>Acknowledge advisory {advisoryId}</h2>
        <div className="ack-actions">
          {ACK_ACTIONS.map((a) => (
            <button key={a} className={`btn btn-choice ${action === a ? 'chosen' : ''}`} data-testid={`ack-action-${a.replace(/\s+/g, '-').toLowerCase()}`} onClick={() => chooseAction(a)}>
              {a}
            </button>
          ))}
          <button className={`btn btn-choice ${action === 'other' ? 'chosen' : ''}`} data-testid="ack-action-other" onClick={() => setAction('other')}>
            Other…
          </button>
        </div>
        {action === 'other' && (
          <input className="field-big" data-testid="ack-other" placeholder="Action taken" value={other} onChange={(e) => setOther(e.target.value)} autoFocus />
        )}
        <div className="field-label">How did it end?</div>
        <OutcomeChoice value={outcome} onChange={setOutcome} />
        <label className="field-label">
          Notes
          <textarea data-testid="ack-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
        </label>
        <label className="field-label">
          Your name (remembered this shift)
          <input className="field-big" data-testid="ack-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
        {error && <div className="form-error" data-testid="ack-error">{error}</div>}
        <div className="modal-buttons">
          <button className="btn btn-big" onClick={close}>Cancel</button>
          <button className="btn btn-big btn-ack" data-testid="ack-submit" disabled={busy} onClick={() => void submit()}>
            {busy ? 'Saving…' : 'Acknowledge'}
          </button>
        </div>
      </div>
    </div>
  );
}
