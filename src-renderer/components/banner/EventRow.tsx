// One more event under the banner's first, in one compact line: risk, fault, state, since when,
// whether it sounds, and its own Acknowledge button while it needs one.
import { needsAcknowledgement, isActive, type AlarmEvent } from '../../../src-shared/events.js';
import { alarmOf } from '../../lib/alarm-logic.js';
import { eventDataAttributes, faultText, shelvedText, sinceText, stateText } from '../../lib/event-view.js';
import { useApp } from '../../store/app-store.js';
import { useEvents } from '../../store/event-store.js';
import { usePrefs } from '../../store/prefs-store.js';
import { riskClass } from '../../lib/risk-class.js';
import { useFeedNow } from './use-feed-now.js';

export function EventRow({ event: e }: { event: AlarmEvent }): React.JSX.Element {
  const alarm = useEvents((s) => alarmOf(s.alarm, e.id));
  const openAck = useApp((s) => s.openAck);
  const clock = usePrefs((p) => p.clock);
  const nowMs = useFeedNow();
  const shelved = shelvedText(e, clock);
  return (
    <div
      className={`event-row ${riskClass(e.riskLevel)} ${isActive(e) ? '' : 'event-cleared'} ${e.shelved ? 'event-shelved' : ''}`}
      data-testid="event-row"
      {...eventDataAttributes(e, alarm)}
      title={shelved ?? undefined}
    >
      <span className="er-risk">{e.riskLevel.toUpperCase()}</span>
      <span className="er-text" data-may-truncate="true">
        <b>{faultText(e)}</b> · {stateText(e)}{e.shelved ? ` · SHELVED by ${e.shelved.byActor}` : ''} · <span data-testid="event-since">{sinceText(e, nowMs, clock)}</span>
      </span>
      {alarm === 'sounding' && <span className="er-alarm" aria-label="alarm sounding">ALARM</span>}
      {needsAcknowledgement(e) && (
        <button className="btn er-ack" data-testid="event-row-ack" onClick={() => openAck({ eventId: e.id })}>
          Acknowledge
        </button>
      )}
    </div>
  );
}
