// Baseline progress, ticket and verification counts, per-phase latency.
import { fixed } from '../../../src-shared/number-format.js';
import { useAppLive } from '../../store/view-active.js';

export function LatencyTable(): React.JSX.Element {
  const latency = useAppLive((s) => s.status?.latency ?? null);
  const rows = latency ? Object.entries(latency) : [];
  return (
    <table className="table table-compact" data-testid="latency-table">
      <thead><tr><th>Phase</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>n</th></tr></thead>
      <tbody>
        {rows.map(([phase, l]) => (
          <tr key={phase}><td>{phase}</td><td>{fixed(l.p50Ms, 2)}</td><td>{fixed(l.p95Ms, 2)}</td><td>{fixed(l.p99Ms, 2)}</td><td>{l.count}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function Counts(): React.JSX.Element {
  const counts = useAppLive((s) => s.status?.counts ?? null);
  const baseline = useAppLive((s) => s.status?.baseline ?? null);
  const pct = baseline && baseline.required > 0 ? Math.min(100, (baseline.samples / baseline.required) * 100) : 0;
  return (
    <div className="eng-counts" data-testid="eng-counts">
      <div className="baseline">
        <b>Baseline</b> {baseline?.mode ?? '—'} · {baseline?.samples ?? 0}/{baseline?.required ?? 0}
        <div className="progress"><div style={{ width: `${pct}%` }} data-testid="baseline-progress" /></div>
      </div>
      {counts && (
        <div className="count-grid">
          <span>Packets <b>{counts.packets}</b></span>
          <span>Rejected packets <b>{counts.rejectedPackets}</b></span>
          <span>Tickets <b>{counts.tickets}</b></span>
          <span>Confirmed <b>{counts.confirmed}</b></span>
          <span>Uncertain <b>{counts.uncertain}</b></span>
          <span>Rejected <b>{counts.rejected}</b></span>
          <span>Advisories <b>{counts.advisories}</b></span>
        </div>
      )}
    </div>
  );
}
