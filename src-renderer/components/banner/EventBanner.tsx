// The first event on the banner, full width, coloured by risk: the fault in the driller's words,
// its state (ACTIVE, ACKNOWLEDGED, CLEARED, shelved), since when and for how long on the feed's
// clock, one action line and the latest numbers (from the event's latest advisory), and the one
// obvious button: Acknowledge (key A) while the event needs it, Silence (S) while it sounds.
import { needsAcknowledgement, isActive, type AlarmEvent } from '../../../src-shared/events.js';
import { actionLine, displayText, oneLine } from '../../lib/advisory-text.js';
import { alarmOf, shouldSound } from '../../lib/alarm-logic.js';
import { eventDataAttributes, faultText, latestAdvisoryOf, shelvedText, sinceText, stateText } from '../../lib/event-view.js';
import { useApp } from '../../store/app-store.js';
import { useCompanyPick } from '../../store/company-store.js';
import { useEvents } from '../../store/event-store.js';
import { usePrefs } from '../../store/prefs-store.js';
import { EnableSoundButton } from '../Alarm.js';
import { riskClass } from '../../lib/risk-class.js';
import { useFeedNow } from './use-feed-now.js';

function eventClasses(e: AlarmEvent): string {
  const parts = [riskClass(e.riskLevel)];
  if (!isActive(e)) parts.push('event-cleared');
  if (e.shelved) parts.push('event-shelved');
  if (e.state === 'active-unacknowledged' && !e.shelved) parts.push('event-unacked');
  return parts.join(' ');
}

export function EventBanner({ event: e, stacked }: { event: AlarmEvent; stacked: number }): React.JSX.Element {
  const advisory = useApp((s) => latestAdvisoryOf(e, s.advisories));
  const alarm = useEvents((s) => alarmOf(s.alarm, e.id));
  const sounding = useEvents((s) => shouldSound(s.alarm));
  const silence = useEvents((s) => s.silence);
  const openAck = useApp((s) => s.openAck);
  const setView = useApp((s) => s.setView);
  const units = usePrefs((p) => p.units);
  const clock = usePrefs((p) => p.clock);
  const nowMs = useFeedNow();
  const active = isActive(e);
  const text = advisory ? displayText(advisory, units) : null;
  const numbers = text ? oneLine(text.diagnosis) : 'Waiting for the latest advisory…';
  const action = !active ? 'Condition gone · acknowledge to dismiss' : text ? actionLine(text.recommendation) : faultText(e);
  const shelved = shelvedText(e, clock);
  const details = (): void => {
    useCompanyPick.getState().pickEvent(e.id);
    setView('company');
  };
  return (
    <div
      className={`advisory-banner ${eventClasses(e)}`}
      data-testid="advisory-banner"
      {...eventDataAttributes(e, alarm)}
      data-advisories={e.advisoryCount}
      data-stacked={stacked}
    >
      <div className="adv-risk">
        {e.riskLevel.toUpperCase()}
        <div className="adv-state" data-testid="event-state">{stateText(e)}{e.shelved ? ' · SHELVED' : ''}</div>
      </div>
      <div className="adv-body">
        <div className="adv-event" data-testid="event-title" data-may-truncate="true">
          <b>{faultText(e)}</b> · <span data-testid="event-since">{sinceText(e, nowMs, clock)}</span>
          {e.advisoryCount > 1 && <span className="muted"> · {e.advisoryCount} advisories</span>}
        </div>
        <div className="adv-action" data-testid="advisory-recommendation" title={text?.recommendation}>{active ? '→ ' : ''}{action}</div>
        {/* one line; the full text is in the title and in the Company man view */}
        <div className="adv-diagnosis" data-testid="advisory-diagnosis" title={numbers} data-may-truncate="true">{numbers}</div>
        {shelved && <div className="adv-shelved" data-testid="event-shelved" title={shelved} data-may-truncate="true">{shelved}</div>}
      </div>
      <div className="adv-actions">
        {sounding && (
          <button className="btn btn-big btn-silence" data-testid="silence-button" onClick={silence} aria-keyshortcuts="S">
            Silence <kbd>S</kbd>
          </button>
        )}
        <EnableSoundButton />
        <button className="btn btn-details" data-testid="advisory-details" onClick={details}>
          Details
        </button>
        {needsAcknowledgement(e) ? (
          <button className={`btn btn-big ${active ? 'btn-ack' : 'btn-ack-quiet'}`} data-testid="ack-button" onClick={() => openAck({ eventId: e.id })} aria-keyshortcuts="A">
            Acknowledge <kbd>A</kbd>
          </button>
        ) : (
          <div className="adv-acked" data-testid="event-acked">
            Acknowledged{e.acknowledgedBy ? ` by ${e.acknowledgedBy}` : ''}
          </div>
        )}
      </div>
    </div>
  );
}
