// One event's story as the engine recorded it (getEventTimeline): raised, how many updates,
// escalations, acknowledgements with who/action/notes, clearing, reopening, shelving; read again
// whenever the event changes on this screen.
import { useEffect, useMemo, useState } from 'react';
import type { Acknowledgement } from '../../../src-shared/advisory.js';
import type { AlarmEvent, EventTransition } from '../../../src-shared/events.js';
import { summariseTimeline, transitionText } from '../../lib/event-view.js';
import { clockText, dateTimeText } from '../../lib/time-format.js';
import { getBridge } from '../../store/connect.js';
import { usePrefs } from '../../store/prefs-store.js';

/** What makes the timeline worth reading again. */
const versionOf = (e: AlarmEvent): string => `${e.state}|${e.updatedMs}|${e.acknowledgedMs}|${e.shelved?.fromMs ?? '-'}|${e.advisoryCount}`;

export function EventTimeline({ event }: { event: AlarmEvent }): React.JSX.Element {
  const clock = usePrefs((p) => p.clock);
  const [data, setData] = useState<{ transitions: EventTransition[]; acks: Acknowledgement[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = versionOf(event);
  useEffect(() => {
    let live = true;
    void getBridge()
      .call('getEventTimeline', { eventId: event.id })
      .then((r) => {
        if (!live) return;
        if (r.ok) setData({ transitions: r.value.transitions, acks: r.value.acknowledgements });
        else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [event.id, version]);
  const count = event.advisoryCount;
  const summary = useMemo(() => summariseTimeline({ advisoryCount: count }, data?.transitions ?? []), [count, data]);
  if (error) return <p className="form-error">{error}</p>;
  if (!data) return <p className="muted">Reading the timeline…</p>;
  return (
    <div className="cm-timeline" data-testid="cm-timeline" data-updates={summary.updates} data-alarms={summary.alarms} data-escalations={summary.escalations}>
      <div className="cm-timeline-sum">
        {event.advisoryCount} advisories ({summary.updates} updates) · {summary.escalations} escalations · {summary.alarms} alarms
      </div>
      <ol className="cm-timeline-list">
        {summary.shown.map((t, i) => (
          <li key={`${t.timeMs}-${t.kind}-${i}`} data-testid="cm-timeline-entry" data-kind={t.kind}>
            <span className="cm-timeline-time">{clockText(t.timeMs, clock)}</span> {transitionText(t)}
          </li>
        ))}
      </ol>
      {data.acks.length > 0 && (
        <ul className="cm-timeline-acks">
          {data.acks.map((k) => (
            <li key={k.id} data-testid="cm-timeline-ack">
              {dateTimeText(k.timeMs, clock)} <b>{k.actor}</b>: {k.action}{k.notes ? ` — ${k.notes}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
