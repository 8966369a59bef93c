// Per fault: how many advisories were confirmed real and how many were false alarms. The
// evidence an engineer reads before changing a threshold; nothing is tuned from it.
import { useEffect, useState } from 'react';
import type { OutcomeStat } from '../../src-shared/outcome.js';
import { getBridge } from '../store/connect.js';
import { useOutcomes } from '../store/outcome-store.js';

const pct = (n: number, of: number): string => (of > 0 ? `${Math.round((100 * n) / of)} %` : '—');

export function OutcomeStatsTable(): React.JSX.Element {
  const version = useOutcomes((s) => s.version);
  const [rows, setRows] = useState<OutcomeStat[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void getBridge()
      .call('getOutcomeStats', {})
      .then((r) => {
        if (!live) return;
        if (r.ok) setRows(r.value);
        else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [version]);

  if (error) return <p className="form-error">{error}</p>;
  if (!rows) return <p className="muted">Loading…</p>;
  if (rows.length === 0) return <p className="muted" data-testid="outcome-stats-empty">No advisories yet.</p>;
  return (
    <table className="table" data-testid="outcome-stats">
      <thead>
        <tr><th>Fault</th><th>Advisories</th><th>Confirmed real</th><th>False alarm</th><th>No outcome</th><th>False-alarm share</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.fault} data-testid="outcome-stats-row" data-fault={r.fault}>
            <td>{r.fault}</td>
            <td>{r.advisories}</td>
            <td>{r.confirmedReal}</td>
            <td>{r.falseAlarm}</td>
            <td>{r.unknown}</td>
            <td>{pct(r.falseAlarm, r.confirmedReal + r.falseAlarm)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
