// Who acknowledged what: each row names the fault and the date, not only an id (the alarm event's
// fault when the advisory is not on this screen).
import { useMemo } from 'react';
import { FAULT_LABEL } from '../../lib/fault-labels.js';
import { dateTimeText } from '../../lib/time-format.js';
import { useApp } from '../../store/app-store.js';
import { useEvents } from '../../store/event-store.js';
import { usePrefs } from '../../store/prefs-store.js';

export function AckHistory(): React.JSX.Element {
  const acks = useApp((s) => s.acks);
  const advisories = useApp((s) => s.advisories);
  const events = useEvents((s) => s.events);
  const clock = usePrefs((p) => p.clock);
  const byId = useMemo(() => new Map(advisories.map((a) => [a.id, a])), [advisories]);
  const eventById = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  return (
    <div className="cm-history">
      <h3>Acknowledgement history</h3>
      <div className="scroll">
        <table className="table" data-testid="ack-history">
          <thead><tr><th>When</th><th>Fault</th><th>By</th><th>Action</th><th>Notes</th></tr></thead>
          <tbody>
            {acks.map((k) => {
              const a = byId.get(k.advisoryId);
              const ev = k.eventId ? eventById.get(k.eventId) : undefined;
              const what = a ?? (ev ? { riskLevel: ev.worstRiskLevel, fault: ev.fault, timeMs: ev.openedMs } : null);
              return (
                <tr key={k.id} data-testid="ack-history-row">
                  <td>{dateTimeText(k.timeMs, clock)}</td>
                  <td>
                    {what ? `${what.riskLevel} ${FAULT_LABEL[what.fault].toLowerCase()}, raised ${dateTimeText(what.timeMs, clock)}` : 'advisory'}
                    <span className="muted"> · {k.eventId ? `${k.eventId} · ` : ''}{k.advisoryId}</span>
                  </td>
                  <td>{k.actor}</td><td>{k.action}</td><td>{k.notes}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
