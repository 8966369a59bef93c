// Shelve a nuisance event (a supervisor's action, issue 12): a reason is required, the length
// is one of a few choices within alarms.max_shelve_s, and the name is recorded. The engine refuses
// a critical well-control event; its message is shown as it comes. A shelved event stays on the
// banner and in the lists, marked shelved.
import { useEffect, useState } from 'react';
import { faultText, shelveChoices, shelveLabel } from '../lib/event-view.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { useEvents } from '../store/event-store.js';
import { Modal } from './Modal.js';

/** alarms.max_shelve_s's default, until the engine's configuration has been read. */
const DEFAULT_MAX_SHELVE_S = 8 * 3600;

export function ShelveDialog(): React.JSX.Element | null {
  const eventId = useApp((s) => s.shelveDialogFor);
  if (!eventId) return null;
  return <ShelveForm key={eventId} eventId={eventId} />;
}

function ShelveForm({ eventId }: { eventId: string }): React.JSX.Element {
  const close = (): void => useApp.getState().openShelve(null);
  const event = useEvents((s) => s.events.find((e) => e.id === eventId) ?? null);
  const [maxS, setMaxS] = useState(DEFAULT_MAX_SHELVE_S);
  const [durationS, setDurationS] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void getBridge()
      .call('getConfig', {})
      .then((r) => {
        if (live && r.ok) setMaxS(r.value.alarms.max_shelve_s);
      });
    return () => {
      live = false;
    };
  }, []);
  const choices = shelveChoices(maxS);

  const submit = async (): Promise<void> => {
    if (reason.trim().length < 3) return setError('Give the reason for shelving (at least 3 characters).');
    if (durationS === null) return setError('Choose for how long.');
    if (!actor.trim()) return setError('Enter your name.');
    setBusy(true);
    setError(null);
    // remembered first: the shelved event (pushed before the answer) offers Unshelve under this name
    rememberActor(localStorage, actor.trim(), Date.now());
    const r = await getBridge().call('shelveEvent', { eventId, actor: actor.trim(), reason: reason.trim(), durationS });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    close();
  };

  return (
    <Modal title={`Shelve ${event ? faultText(event).toLowerCase() : 'event'}`} onClose={close} testId="shelve-dialog">
      <p className="muted">
        A shelved event does not sound for the time chosen. It stays on the screens and in the record, marked shelved, and
        comes back by itself when the time is up. A critical well-control event cannot be shelved.
      </p>
      <label className="field-label">
        Reason (required)
        <input className="field-big" data-testid="shelve-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="field-label">For how long</div>
      <div className="row" role="radiogroup" aria-label="For how long">
        {choices.map((s) => (
          <button key={s} role="radio" aria-checked={durationS === s} className={`btn btn-choice ${durationS === s ? 'chosen' : ''}`} data-testid={`shelve-for-${s}`} onClick={() => setDurationS(s)}>
            {shelveLabel(s)}
          </button>
        ))}
      </div>
      <label className="field-label">
        Your name (supervisor)
        <input className="field-big" data-testid="shelve-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
      </label>
      {error && <div className="form-error" data-testid="shelve-error" role="alert">{error}</div>}
      <div className="modal-buttons">
        <button className="btn btn-big" onClick={close} data-testid="shelve-cancel">Cancel</button>
        <button className="btn btn-big btn-primary" data-testid="shelve-submit" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Saving…' : 'Shelve'}
        </button>
      </div>
    </Modal>
  );
}
