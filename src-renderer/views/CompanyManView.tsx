// Company man: every advisory with all its evidence, and who acknowledged what. The list shows
// one row per event (repeated advisories of one fault, see lib/group-advisories.ts) with a count
// and time span; an expander opens any single advisory of the event.
import { useMemo, useState } from 'react';
import { shownText, type Advisory } from '../../src-shared/advisory.js';
import { riskClass } from '../components/AdvisoryBanner.js';
import { OutcomePanel } from '../components/OutcomePanel.js';
import { PrecedentList } from '../components/PrecedentList.js';
import { ackSummary, groupAdvisories, type AdvisoryEvent } from '../lib/group-advisories.js';
import { useApp } from '../store/app-store.js';

const time = (ms: number): string => new Date(ms).toLocaleTimeString();
const pct = (f: number): string => `${Math.round(f * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function sourceLabel(a: Advisory): string {
  return a.source === 'llm' && a.llm ? `AI-generated · ${a.llm.model}` : 'Template';
}

function Detail({ a }: { a: Advisory }): React.JSX.Element {
  const text = shownText(a);
  const allAcks = useApp((s) => s.acks);
  // filter outside the selector: a fresh array from a selector would re-render forever
  const acks = useMemo(() => allAcks.filter((k) => k.advisoryId === a.id), [allAcks, a.id]);
  const openAck = useApp((s) => s.openAck);
  return (
    <div className="cm-detail" data-testid="cm-detail" data-advisory-id={a.id}>
      <div className={`cm-head ${riskClass(a.riskLevel)}`}>
        <span className="cm-risk">{a.riskLevel.toUpperCase()}</span>
        <span>{a.fault} · {a.category} · severity {a.severity}</span>
        <span>confidence {pct(a.confidence)}</span>
        <span data-testid="cm-source">{sourceLabel(a)}</span>
        <span>{time(a.timeMs)}{a.depthFt !== null ? ` · ${Math.round(a.depthFt)} ft` : ''}</span>
      </div>
      <div className="cm-grid">
        <section>
          <h3>Diagnosis</h3>
          <p className="cm-big">{text.diagnosis}</p>
          <h3>Recommendation</h3>
          <p className="cm-big cm-rec">{text.recommendation}</p>
          {text.expectedBenefit && <p>Expected benefit: {text.expectedBenefit}</p>}
          {text.reasoning && <p className="cm-muted">{text.reasoning}</p>}
          {a.llmFallbackReason && <p className="cm-muted">AI text not shown: {a.llmFallbackReason}</p>}
          <h3>Physics verdict</h3>
          <p data-testid="cm-verdict">
            <b>{a.physicsVerdict.status}</b> ({a.physicsVerdict.severity}, confidence {pct(a.physicsVerdict.confidence)}): {a.physicsVerdict.reason}
          </p>
          <p className="cm-muted">
            Trigger {a.trigger.parameter} = {a.trigger.value.toFixed(2)} {a.trigger.unit} (threshold {a.trigger.threshold} {a.trigger.unit})
          </p>
        </section>
        <section>
          {/* First in the column: whether anyone has acted on it must not need scrolling. */}
          <h3>Acknowledgements</h3>
          {acks.length === 0 ? (
            <button className="btn" data-testid="cm-ack-button" onClick={() => openAck(a.id)}>Acknowledge</button>
          ) : (
            <ul>{acks.map((k) => <li key={k.id}>{time(k.timeMs)} {k.actor}: {k.action}{k.notes ? ` — ${k.notes}` : ''}</li>)}</ul>
          )}
          <h3>Specialist votes · consensus {a.consensusScore.toFixed(2)}</h3>
          <table className="table" data-testid="cm-votes">
            <thead><tr><th>Specialist</th><th>Vote</th><th>Weight</th><th>Reason</th></tr></thead>
            <tbody>
              {a.votes.map((v) => (
                <tr key={v.specialist}>
                  <td>{v.specialist}</td>
                  <td className={`vote vote-${v.level}`}>{v.level}</td>
                  <td>{v.weight.toFixed(2)}</td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Outcome</h3>
          <OutcomePanel advisory={a} />
          <h3>Precedents</h3>
          <PrecedentList advisory={a} />
        </section>
      </div>
    </div>
  );
}

type Pick =
  | { kind: 'event'; key: string } // the row: follows the event's newest member as it grows
  | { kind: 'advisory'; id: string }; // one member opened from the expander

function EventRow({ e, selectedId, currentId, ackedIds, expanded, onPick, onToggle }: {
  e: AdvisoryEvent;
  selectedId: string | null;
  currentId: string | null;
  ackedIds: ReadonlySet<string>;
  expanded: boolean;
  onPick: (p: Pick) => void;
  onToggle: (key: string) => void;
}): React.JSX.Element {
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
            <b>{e.riskLevel}</b> {e.fault}
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
        <h3>Advisories <span className="cm-muted">· {plural(events.length, 'event')}, {plural(advisories.length, 'advisory', 'advisories')}</span></h3>
        <div className="scroll">
          {events.length === 0 && <p className="cm-muted">No advisories yet.</p>}
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
            />
          ))}
        </div>
      </div>
      <div className="cm-main">
        {selected ? <Detail a={selected} /> : <p className="cm-muted">Nothing to show.</p>}
        <div className="cm-history">
          <h3>Acknowledgement history</h3>
          <div className="scroll">
            <table className="table" data-testid="ack-history">
              <thead><tr><th>Time</th><th>Advisory</th><th>By</th><th>Action</th><th>Notes</th></tr></thead>
              <tbody>
                {acks.map((k) => (
                  <tr key={k.id} data-testid="ack-history-row">
                    <td>{time(k.timeMs)}</td><td>{k.advisoryId}</td><td>{k.actor}</td><td>{k.action}</td><td>{k.notes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
