// The report's figures on screen before exporting: identity and period, depth and ROP, time
// per rig state, verification, alarm rate, events and what was left unacknowledged, changes,
// ML optimum and feed outages. Display units applied here.
import type { ReportModel } from '../../../src-shared/reports.js';
import type { UnitSystem } from '../../../src-shared/units.js';
import { riskClass } from '../../lib/risk-class.js';
import { show } from '../../lib/format.js';

const time = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toLocaleString());
const hours = (s: number): string => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : `${Math.round(s / 60)} min`);
const STATE_LABELS: Record<string, string> = { Connection: 'Connections', TrippingIn: 'Tripping in', TrippingOut: 'Tripping out' };
const pct = (v: number | null): string => (v === null ? '—' : `${Math.round(v)} %`);

function Figure({ label, value, testid }: { label: string; value: string; testid?: string }): React.JSX.Element {
  return (
    <div className="rp-figure" data-testid={testid}>
      <span className="rp-label">{label}</span>
      <span className="rp-value">{value}</span>
    </div>
  );
}

export function ReportPreview({ m, units }: { m: ReportModel; units: UnitSystem }): React.JSX.Element {
  const depth = (v: number | null) => { const s = show(v, 'depth', units); return `${s.text} ${s.unit}`; };
  const rop = show(m.drilling.avgRopFtHr, 'rop', units);
  const a = m.alarmRate;
  return (
    <div className="rp-preview scroll" data-testid="report-preview">
      <h2>{m.title}: {m.well.name}</h2>
      <p className="cm-muted">{m.well.field} · {m.well.rig}{m.well.operator ? ` · ${m.well.operator}` : ''} · {m.period.label}</p>
      <div className="rp-grid">
        <Figure label="Depth" value={`${depth(m.drilling.depthStartFt)} → ${depth(m.drilling.depthEndFt)}`} />
        <Figure label="Drilled" value={depth(m.drilling.drilledFt)} />
        <Figure label="Average ROP" value={`${rop.text} ${rop.unit}`} />
        <Figure label="Drilling time" value={hours(m.drilling.drillingHours * 3600)} />
        <Figure label="Advisories" value={String(m.advisories.length)} testid="rp-advisories" />
        <Figure label="Events" value={String(m.events.length)} testid="rp-events" />
        <Figure label="Acknowledgements" value={String(m.acknowledgements)} />
        <Figure label="Unacknowledged" value={String(m.unacknowledgedIds.length)} testid="rp-unacked" />
        <Figure label="Verified (confirmed / uncertain / rejected)" value={`${m.verification.confirmed} / ${m.verification.uncertain} / ${m.verification.rejected}`} />
        <Figure label="Alarms per 10 min (peak)" value={`${a.alarmsPer10MinAvg.toFixed(2)} (${a.peakAlarmsIn10Min})`} />
        <Figure label="Feed outages" value={`${m.feed.outages.length} (${hours(m.feed.outageSeconds)})`} />
        <Figure label="Baseline" value={m.baseline.mode} />
      </div>
      <h3>Time per rig state</h3>
      <div className="rp-states">
        {m.rigStates.map((s) => (
          <div key={s.state} className="rp-state">
            <span>{STATE_LABELS[s.state] ?? s.state}</span>
            <div className="progress"><div style={{ width: `${Math.min(100, s.percent)}%` }} /></div>
            <span>{hours(s.seconds)} · {pct(s.percent)}</span>
          </div>
        ))}
      </div>
      <h3>Events</h3>
      {m.events.length === 0 ? <p className="cm-muted">No advisories in this period.</p> : (
        <table className="table table-compact" data-testid="rp-event-table">
          <thead><tr><th>Raised</th><th>Fault</th><th>Peak risk</th><th>Advisories</th><th>Acknowledged</th></tr></thead>
          <tbody>
            {m.events.map((e) => (
              <tr key={e.key}>
                <td>{time(e.raisedMs)}</td>
                <td>{e.fault}</td>
                <td><span className={`rp-risk ${riskClass(e.riskLevel)}`}>{e.riskLevel}</span></td>
                <td>{e.advisoryIds.length}</td>
                <td className={e.ackedCount === 0 ? 'cm-unacked' : 'cm-acked'}>
                  {e.ackedCount === 0 ? 'no' : `${e.ackedCount}×`}{e.state ? ` · ${e.state}` : ''}{e.shelving ? ` · shelved by ${e.shelving.byActor}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Changes</h3>
      {m.changes.length === 0 ? <p className="cm-muted">No configuration, campaign or source changes.</p> : (
        <ul>{m.changes.map((c) => <li key={c.seq}>{time(c.timeMs)} · {c.actor}: {c.summary}</li>)}</ul>
      )}
      <h3>ML optimum</h3>
      <p className="cm-muted">{m.ml.note}</p>
      {m.feed.outages.length > 0 && (
        <>
          <h3>Feed outages</h3>
          <ul>{m.feed.outages.map((o) => <li key={o.fromMs}>{time(o.fromMs)} – {time(o.toMs)} ({hours(o.approxSeconds)})</li>)}</ul>
        </>
      )}
    </div>
  );
}
