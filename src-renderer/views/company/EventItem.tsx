// One alarm event in the Company man list: risk, fault, state, when, how many advisories and
// alarms, who acknowledged, shelving. Expanded: its timeline and its advisories.
import type { Advisory } from '../../../src-shared/advisory.js';
import { isActive, needsAcknowledgement, type AlarmEvent } from '../../../src-shared/events.js';
import { faultText, shelvedText, stateText } from '../../lib/event-view.js';
import { riskClass } from '../../lib/risk-class.js';
import { clockText, type ClockStyle } from '../../lib/time-format.js';
import { EventTimeline } from './EventTimeline.js';
import { useEventMembers } from './use-event-members.js';

function spanText(e: AlarmEvent, clock: ClockStyle): string {
  const from = clockText(e.openedMs, clock);
  if (isActive(e)) return `${from} – now`;
  return e.clearedMs !== null ? `${from} – ${clockText(e.clearedMs, clock)}` : from;
}

function ackText(e: AlarmEvent): string {
  if (e.acknowledgedBy) return `acknowledged by ${e.acknowledgedBy}${needsAcknowledgement(e) ? ' (needs it again)' : ''}`;
  return 'not acknowledged';
}

/** The timeline, then the advisories of the event, newest first (one opens in the detail). */
function Expanded({ event: e, selectedAdvisoryId, clock, onPickAdvisory }: {
  event: AlarmEvent;
  selectedAdvisoryId: string | null;
  clock: ClockStyle;
  onPickAdvisory: (id: string) => void;
}): React.JSX.Element {
  const members: readonly Advisory[] = useEventMembers(e);
  return (
    <div className="cm-members" data-testid="cm-members">
      <EventTimeline event={e} />
      {members.map((a) => (
        <button key={a.id} data-testid="cm-member" data-advisory-id={a.id} className={`cm-member ${a.id === selectedAdvisoryId ? 'selected' : ''}`} onClick={() => onPickAdvisory(a.id)}>
          {clockText(a.timeMs, clock)} <b>{a.riskLevel}</b>
          {a.id === e.latestAdvisoryId && <span className="cm-current"> LATEST</span>}
        </button>
      ))}
    </div>
  );
}

export function EventItem({ event: e, selected, expanded, selectedAdvisoryId, clock, onPick, onToggle, onPickAdvisory }: {
  event: AlarmEvent;
  selected: boolean;
  expanded: boolean;
  selectedAdvisoryId: string | null;
  clock: ClockStyle;
  onPick: () => void;
  onToggle: () => void;
  onPickAdvisory: (id: string) => void;
}): React.JSX.Element {
  const shelved = shelvedText(e, clock);
  return (
    <div className="cm-event" data-testid="cm-event" data-event-id={e.id} data-fault={e.fault} data-state={e.state} data-count={e.advisoryCount} data-shelved={e.shelved !== null}>
      <div className="cm-event-row">
        <button data-testid="cm-event-item" className={`cm-item ${riskClass(e.worstRiskLevel)} ${selected ? 'selected' : ''}`} onClick={onPick}>
          <span className="cm-item-line">
            <b>{e.worstRiskLevel}</b> {faultText(e)}
            {e.advisoryCount > 1 && <span className="cm-count" data-testid="cm-event-count"> ×{e.advisoryCount}</span>}
            <span className="cm-state" data-testid="cm-event-state"> {stateText(e)}</span>
          </span>
          <span className="cm-item-sub">{spanText(e, clock)} · {e.alarmCount} {e.alarmCount === 1 ? 'alarm' : 'alarms'}{e.reopenCount > 0 ? ` · reopened ${e.reopenCount}×` : ''}</span>
          <span className={`cm-item-sub ${needsAcknowledgement(e) ? 'cm-unacked' : ''}`} data-testid="cm-event-acks">{ackText(e)}</span>
          {shelved && <span className="cm-item-sub cm-shelved" data-testid="cm-event-shelved">{shelved}</span>}
        </button>
        <button className="btn cm-expand" data-testid="cm-event-expand" aria-expanded={expanded} aria-label={`${expanded ? 'Hide' : 'Show'} the timeline and advisories`} onClick={onToggle}>
          {expanded ? '▾' : '▸'}
        </button>
      </div>
      {expanded && <Expanded event={e} selectedAdvisoryId={selectedAdvisoryId} clock={clock} onPickAdvisory={onPickAdvisory} />}
    </div>
  );
}
