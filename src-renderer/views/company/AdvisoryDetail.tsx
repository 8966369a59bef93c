// One advisory with all its evidence, in this screen's units.
import { useMemo } from 'react';
import type { Advisory } from '../../../src-shared/advisory.js';
import { percentOfFraction } from '../../../src-shared/number-format.js';
import { formatQuantity, quantity } from '../../../src-shared/quantity.js';
import { riskClass } from '../../lib/risk-class.js';
import { OutcomePanel } from '../../components/OutcomePanel.js';
import { PrecedentList } from '../../components/PrecedentList.js';
import { convertFreeText, displayText } from '../../lib/advisory-text.js';
import { FAULT_LABEL } from '../../lib/fault-labels.js';
import { dateTimeText } from '../../lib/time-format.js';
import { useApp } from '../../store/app-store.js';
import { usePrefs } from '../../store/prefs-store.js';

function sourceLabel(a: Advisory): string {
  return a.source === 'llm' && a.llm ? `AI-generated · ${a.llm.model}` : 'Template';
}

export function AdvisoryDetail({ a }: { a: Advisory }): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  const clock = usePrefs((p) => p.clock);
  const text = displayText(a, units);
  const allAcks = useApp((s) => s.acks);
  // filter outside the selector: a fresh array from a selector would re-render forever
  const acks = useMemo(() => allAcks.filter((k) => k.advisoryId === a.id), [allAcks, a.id]);
  const openAck = useApp((s) => s.openAck);
  const q = (v: number, decimals = 2) => formatQuantity(quantity(v, a.trigger.unit, decimals), units, { group: true });
  const depth = a.depthFt !== null ? formatQuantity(quantity(a.depthFt, 'ft', 0), units, { group: true }) : null;
  return (
    <div className="cm-detail" data-testid="cm-detail" data-advisory-id={a.id}>
      <div className={`cm-head ${riskClass(a.riskLevel)}`}>
        <span className="cm-risk">{a.riskLevel.toUpperCase()}</span>
        <span>{FAULT_LABEL[a.fault]} · {a.category} · severity {a.severity}</span>
        <span>confidence {percentOfFraction(a.confidence)}</span>
        <span data-testid="cm-source">{sourceLabel(a)}</span>
        <span data-testid="cm-when">{dateTimeText(a.timeMs, clock)}{depth ? ` · ${depth}` : ''}</span>
      </div>
      <div className="cm-grid">
        <section>
          <h3>Diagnosis</h3>
          <p className="cm-big" data-testid="cm-diagnosis">{text.diagnosis}</p>
          <h3>Recommendation</h3>
          <p className="cm-big cm-rec" data-testid="cm-recommendation">{text.recommendation}</p>
          {text.expectedBenefit && <p>Expected benefit: {text.expectedBenefit}</p>}
          {text.reasoning && <p className="muted" data-testid="cm-reasoning">{text.reasoning}</p>}
          {a.llmFallbackReason && <p className="muted">AI text not shown: {a.llmFallbackReason}</p>}
          <h3>Physics verdict</h3>
          <p data-testid="cm-verdict">
            <b>{a.physicsVerdict.status}</b> ({a.physicsVerdict.severity}, confidence {percentOfFraction(a.physicsVerdict.confidence)}): {convertFreeText(a.physicsVerdict.reason, units)}
          </p>
          <p className="muted" data-testid="cm-trigger">
            Trigger {a.trigger.parameter} = {q(a.trigger.value)} (threshold {q(a.trigger.threshold)})
          </p>
        </section>
        <section>
          {/* First in the column: whether anyone has acted on it must not need scrolling. */}
          <h3>Acknowledgements</h3>
          {acks.length === 0 ? (
            // an advisory of an event is acknowledged with its event (the header above)
            a.eventId ? <p className="muted">Acknowledged with its event ({a.eventId}).</p> : <button className="btn" data-testid="cm-ack-button" onClick={() => openAck({ advisoryId: a.id })}>Acknowledge</button>
          ) : (
            <ul>{acks.map((k) => <li key={k.id}>{dateTimeText(k.timeMs, clock)} {k.actor}: {k.action}{k.notes ? ` — ${k.notes}` : ''}</li>)}</ul>
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
                  <td>{convertFreeText(v.reason, units)}</td>
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
