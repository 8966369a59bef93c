// Company man: every advisory with all its evidence, and who acknowledged what. The list shows
// one row per event (repeated advisories of one fault, see lib/group-advisories.ts) with a count
// and time span; an expander opens any single advisory of the event.
import { useMemo, useState } from 'react';
import { riskClass } from '../components/AdvisoryBanner.js';
import { FAULT_LABEL } from '../lib/fault-labels.js';
import { ackSummary, groupAdvisories, type AdvisoryEvent } from '../lib/group-advisories.js';
import { clockText, type ClockStyle } from '../lib/time-format.js';
import { useApp } from '../store/app-store.js';
import { usePrefs } from '../store/prefs-store.js';
import { AckHistory } from './company/AckHistory.js';
import { AdvisoryDetail } from './company/AdvisoryDetail.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

type Pick =
  | { kind: 'event'; key: string } // the row: follows the event's newest member as it grows
  | { kind: 'advisory'; id: string }; // one member opened from the expander

function EventRow({ e, selectedId, currentId, ackedIds, expanded, onPick, onToggle, clock }: {
  e: AdvisoryEvent;
  clock: ClockStyle;
  selectedId: string | null;
  currentId: string | null;
  ackedIds: ReadonlySet<string>;
  expanded: boolean;
  onPick: (p: Pick) => void;
  onToggle: (key: string) => void;
}): React.JSX.Element {
  const time = (ms: number): string => clockText(ms, clock);
  const holdsSelected = e.members.some((a) => a.id === selectedId);
  const holdsCurrent = e.members.some((a) => a.id === currentId);
  const span = e.count > 1 ? `${time(e.firstMs)} – ${time(e.lastMs)}` : time(e.lastMs);
  return (
    <div className="cm-event" data-testid="cm-event" data-count={e.count} data-event-key={e.key}>
      <div className="cm-event-row">
        <button
          data-testid="cm-advisory-item"
          className={`cm-item ${riskClass(e.riskLevel)} ${holdsSelected ? 'selected' : ''}`}
          onClick={() => onPick({ kind: 'event', key: e.key })}
        >
          <span className="cm-item-line">
            <b>{e.riskLevel}</b> {FAULT_LABEL[e.fault]}
            {e.count > 1 && <span className="cm-count" data-testid="cm-event-count"> ×{e.count}</span>}
            {holdsCurrent && <span className="cm-current"> CURRENT</span>}
          </span>
          <span className="cm-item-sub">{span}</span>
          <span className={`cm-item-sub ${e.latestAcked ? '' : 'cm-unacked'}`} data-testid="cm-event-acks">{ackSummary(e)}</span>
        </button>
        {e.count > 1 && (
          <button
            className="btn cm-expand"
            data-testid="cm-event-expand"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} the ${e.count} advisories`}
            onClick={() => onToggle(e.key)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        )}
      </div>
      {expanded && e.count > 1 && (
        <div className="cm-members" data-testid="cm-members">
          {e.members.map((a) => (
            <button
              key={a.id}
              data-testid="cm-member"
              data-advisory-id={a.id}
              className={`cm-member ${a.id === selectedId ? 'selected' : ''}`}
              onClick={() => onPick({ kind: 'advisory', id: a.id })}
            >
              {time(a.timeMs)} <b>{a.riskLevel}</b>
              {ackedIds.has(a.id) && <span className="cm-acked"> ✓ ack</span>}
              {a.id === currentId && <span className="cm-current"> CURRENT</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function CompanyManView(): React.JSX.Element {
  const advisories = useApp((s) => s.advisories);
  const currentId = useApp((s) => s.status?.currentAdvisory?.id ?? null);
  const acks = useApp((s) => s.acks);
  const ackedIds = useMemo(() => new Set(acks.map((k) => k.advisoryId)), [acks]);
  const events = useMemo(() => groupAdvisories(advisories, ackedIds), [advisories, ackedIds]);
  const clock = usePrefs((p) => p.clock);
  const [picked, setPicked] = useState<Pick | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  // nothing picked: the current advisory stays selected (else the newest event's newest member)
  const pickedId = picked?.kind === 'event' ? events.find((e) => e.key === picked.key)?.latest.id : picked?.id;
  const selected =
    advisories.find((a) => a.id === (pickedId ?? currentId)) ?? advisories.find((a) => a.id === currentId) ?? events[0]?.latest ?? null;

  return (
    <div className="view view-company" data-testid="view-company" data-advisories={advisories.length} data-events={events.length}>
      <div className="cm-list">
        <h3>Advisories <span className="muted">· {plural(events.length, 'event')}, {plural(advisories.length, 'advisory', 'advisories')}</span></h3>
        <div className="scroll">
          {events.length === 0 && <p className="muted">No advisories yet.</p>}
          {events.map((e) => (
            <EventRow
              key={e.key}
              e={e}
              selectedId={selected?.id ?? null}
              currentId={currentId}
              ackedIds={ackedIds}
              expanded={expanded.has(e.key)}
              onPick={setPicked}
              onToggle={toggle}
              clock={clock}
            />
          ))}
        </div>
      </div>
      <div className="cm-main">
        {selected ? <AdvisoryDetail a={selected} /> : <p className="muted">Nothing to show.</p>}
        <AckHistory />
      </div>
    </div>
  );
}
