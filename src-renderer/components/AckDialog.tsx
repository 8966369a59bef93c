// Acknowledge dialog: names the fault, its time and depth; what was done, how it ended (when
// known), notes, who. Esc
// closes it and Tab stays inside it (Modal). The actor name is remembered for the shift; the
// stored acknowledgement returned by the engine goes into history at once.
import { useState } from 'react';
import { FAULT_LABEL } from '../lib/fault-labels.js';
import { NO_OUTCOME, outcomeFromChoice, type OutcomeChoiceState } from '../lib/outcome-form.js';
import { show } from '../lib/format.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { dateTimeText } from '../lib/time-format.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { usePrefs } from '../store/prefs-store.js';
import { Modal } from './Modal.js';
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
  const advisory = useApp((s) => s.advisories.find((a) => a.id === advisoryId) ?? (s.status?.currentAdvisory?.id === advisoryId ? s.status.currentAdvisory : null));
  const units = usePrefs((p) => p.units);
  const clock = usePrefs((p) => p.clock);
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
  const depth = advisory && advisory.depthFt !== null ? show(advisory.depthFt, 'depth', units) : null;

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

  const title = advisory ? `Acknowledge ${advisory.riskLevel.toLowerCase()} ${FAULT_LABEL[advisory.fault].toLowerCase()}` : 'Acknowledge advisory';
  return (
    <Modal title={title} onClose={close} testId="ack-dialog">
      <p className="ack-what" data-testid="ack-what">
        {advisory ? (
          <>
            <b>{FAULT_LABEL[advisory.fault]}</b> ({advisory.severity}) raised {dateTimeText(advisory.timeMs, clock)}
            {depth ? ` at ${depth.text} ${depth.unit}` : ''} · <span className="muted">{advisoryId}</span>
          </>
        ) : (
          advisoryId
        )}
      </p>
      <div className="ack-actions">
        {ACK_ACTIONS.map((a) => (
          <button key={a} className={`btn btn-choice ${action === a ? 'chosen' : ''}`} aria-pressed={action === a} data-testid={`ack-action-${a.replace(/\s+/g, '-').toLowerCase()}`} onClick={() => chooseAction(a)}>
            {a}
          </button>
        ))}
        <button className={`btn btn-choice ${action === 'other' ? 'chosen' : ''}`} aria-pressed={action === 'other'} data-testid="ack-action-other" onClick={() => setAction('other')}>
          Other…
        </button>
      </div>
      {action === 'other' && (
        <input className="field-big" data-testid="ack-other" placeholder="Action taken" aria-label="Action taken" value={other} onChange={(e) => setOther(e.target.value)} autoFocus />
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
      {error && <div className="form-error" data-testid="ack-error" role="alert">{error}</div>}
      <div className="modal-buttons">
        <button className="btn btn-big" onClick={close} data-testid="ack-cancel">Cancel</button>
        <button className="btn btn-big btn-ack" data-testid="ack-submit" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Saving…' : 'Acknowledge'}
        </button>
      </div>
    </Modal>
  );
}
