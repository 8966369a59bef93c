// Acknowledge dialog: names the fault, its time and depth; what was done, how it ended (when
// known), notes, who. It acknowledges the alarm EVENT (issue 12; the fault, not one advisory);
// an advisory recorded before events existed is acknowledged on its own. Esc closes it and Tab
// stays inside it (Modal). The actor name is remembered for the shift; the stored acknowledgement
// returned by the engine goes into history at once.
import { useState } from 'react';
import type { Advisory } from '../../src-shared/advisory.js';
import type { AlarmEvent } from '../../src-shared/events.js';
import { latestAdvisoryOf, stateText } from '../lib/event-view.js';
import { FAULT_LABEL } from '../lib/fault-labels.js';
import { show } from '../lib/format.js';
import { NO_OUTCOME, outcomeFromChoice, type OutcomeChoiceState } from '../lib/outcome-form.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { dateTimeText } from '../lib/time-format.js';
import { useApp, type AckTarget } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { useEvents } from '../store/event-store.js';
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
  const target = useApp((s) => s.ackDialogFor);
  if (!target) return null;
  return <AckForm key={'eventId' in target ? target.eventId : target.advisoryId} target={target} />;
}

/** The fault, its state, when it was raised and at what depth, and its id. */
function AckWhat({ event, advisory, id }: { event: AlarmEvent | null; advisory: Advisory | null; id: string }): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  const clock = usePrefs((p) => p.clock);
  const depthFt = event?.depthFt ?? advisory?.depthFt ?? null;
  const depth = depthFt !== null ? show(depthFt, 'depth', units) : null;
  const fault = event?.fault ?? advisory?.fault;
  const when = event?.openedMs ?? advisory?.timeMs;
  if (!fault || when === undefined) return <p className="ack-what" data-testid="ack-what">{id}</p>;
  return (
    <p className="ack-what" data-testid="ack-what">
      <b>{FAULT_LABEL[fault]}</b> ({event ? `${event.riskLevel.toUpperCase()}, ${stateText(event)}` : advisory?.severity}) raised {dateTimeText(when, clock)}
      {depth ? ` at ${depth.text} ${depth.unit}` : ''}
      {event && event.advisoryCount > 1 ? ` · ${event.advisoryCount} advisories` : ''} · <span className="muted">{id}</span>
    </p>
  );
}

function AckForm({ target }: { target: AckTarget }): React.JSX.Element {
  const close = (): void => useApp.getState().openAck(null);
  const eventId = 'eventId' in target ? target.eventId : null;
  const event = useEvents((s) => (eventId ? s.events.find((e) => e.id === eventId) ?? null : null));
  const advisory = useApp((s) => (event ? latestAdvisoryOf(event, s.advisories) : s.advisories.find((a) => 'advisoryId' in target && a.id === target.advisoryId) ?? null));
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
    const base = { actor: actor.trim(), action: chosen, notes, ...(o.outcome ? { outcome: o.outcome } : {}) };
    const bridge = getBridge();
    const r = eventId
      ? await bridge.call('acknowledgeEvent', { eventId, ...base }).then((x) => (x.ok ? { ok: true as const, value: x.value.acknowledgement } : x))
      : await bridge.call('acknowledge', { advisoryId: 'advisoryId' in target ? target.advisoryId : '', ...base });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    rememberActor(localStorage, actor.trim(), Date.now());
    useApp.getState().addAck(r.value);
    close();
  };

  const fault = event?.fault ?? advisory?.fault;
  const risk = event?.riskLevel ?? advisory?.riskLevel;
  const title = fault && risk ? `Acknowledge ${risk.toLowerCase()} ${FAULT_LABEL[fault].toLowerCase()}` : 'Acknowledge';
  return (
    <Modal title={title} onClose={close} testId="ack-dialog">
      <AckWhat event={event} advisory={advisory} id={eventId ?? ('advisoryId' in target ? target.advisoryId : '')} />
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
