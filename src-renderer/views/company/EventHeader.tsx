// The picked event above its advisory's evidence: state, since when, shelving, and what a person
// can do with it: Acknowledge (only while it needs it), Shelve (a supervisor; the engine refuses a
// critical well-control event and says so) and Unshelve.
import { useState } from 'react';
import { needsAcknowledgement, type AlarmEvent } from '../../../src-shared/events.js';
import { useFeedNow } from '../../components/banner/use-feed-now.js';
import { faultText, shelvedText, sinceText, stateText } from '../../lib/event-view.js';
import { riskClass } from '../../lib/risk-class.js';
import { rememberActor, rememberedActor } from '../../lib/shift.js';
import { useApp } from '../../store/app-store.js';
import { getBridge } from '../../store/connect.js';
import { usePrefs } from '../../store/prefs-store.js';

/** Shown while the event is shelved: the name (remembered for the shift) and Unshelve. */
function Unshelve({ eventId, onError }: { eventId: string; onError: (m: string | null) => void }): React.JSX.Element {
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()));
  const unshelve = async (): Promise<void> => {
    if (!actor.trim()) return onError('Enter your name to unshelve.');
    const r = await getBridge().call('unshelveEvent', { eventId, actor: actor.trim() });
    if (!r.ok) return onError(r.error.message);
    rememberActor(localStorage, actor.trim(), Date.now());
    onError(null);
  };
  return (
    <>
      <input aria-label="Your name" placeholder="Your name" data-testid="cm-unshelve-actor" value={actor} onChange={(x) => setActor(x.target.value)} />
      <button className="btn" data-testid="cm-event-unshelve" onClick={() => void unshelve()}>Unshelve</button>
    </>
  );
}

export function EventHeader({ event: e }: { event: AlarmEvent }): React.JSX.Element {
  const clock = usePrefs((p) => p.clock);
  const nowMs = useFeedNow();
  const openAck = useApp((s) => s.openAck);
  const openShelve = useApp((s) => s.openShelve);
  const [msg, setMsg] = useState<string | null>(null);
  const shelved = shelvedText(e, clock);
  return (
    <div className={`cm-event-head ${riskClass(e.riskLevel)}`} data-testid="cm-event-head" data-event-id={e.id} data-state={e.state} data-shelved={e.shelved !== null}>
      <div className="cm-event-head-text">
        <span className="cm-risk">{e.riskLevel.toUpperCase()}</span> <b>{faultText(e)}</b> · <span data-testid="cm-event-head-state">{stateText(e)}</span> · {sinceText(e, nowMs, clock)}{' '}
        <span className="muted">· {e.id}</span>
        {shelved && <div className="cm-shelved" data-testid="cm-event-head-shelved">{shelved}</div>}
        {msg && <div className="form-error" role="alert" data-testid="cm-event-message">{msg}</div>}
      </div>
      <div className="cm-event-head-actions">
        {needsAcknowledgement(e) && <button className="btn btn-ack" data-testid="cm-event-ack" onClick={() => openAck({ eventId: e.id })}>Acknowledge</button>}
        {!e.shelved && e.state !== 'normal' && <button className="btn" data-testid="cm-event-shelve" onClick={() => openShelve(e.id)}>Shelve…</button>}
        {e.shelved && <Unshelve eventId={e.id} onError={setMsg} />}
      </div>
    </div>
  );
}
