// The audit log, readable and filterable: who did or changed what and when (acknowledgements,
// alarm-event transitions, outcomes, config, campaign, source, LLM, baseline). Newest first;
// new entries arrive live.
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntry, AuditKind } from '../../../src-shared/advisory.js';
import { fromLocalInput } from '../../lib/report-range.js';
import { getBridge } from '../../store/connect.js';

const KINDS = [
  'acknowledgement', 'alarm-event', 'outcome', 'config-change', 'campaign-switch', 'source-change', 'llm-mode', 'baseline-lock', 'baseline-reset',
] as const satisfies readonly AuditKind[];
const LIMIT = 2000;

function detail(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 1);
}

export function AuditLog(): React.JSX.Element {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [kind, setKind] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await getBridge().call('getAudit', {
      limit: LIMIT,
      kind: kind || undefined,
      sinceMs: fromLocalInput(since) ?? undefined,
      untilMs: fromLocalInput(until) ?? undefined,
    });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setEntries(r.value);
  }, [kind, since, until]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => getBridge().on('audit', (e) => setEntries((list) => (list.some((x) => x.seq === e.seq) ? list : [e, ...list]))), []);

  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return entries.filter((e) => (!kind || e.kind === kind) && (!q || `${e.actor} ${e.summary}`.toLowerCase().includes(q)));
  }, [entries, kind, text]);

  return (
    <div className="panel rp-audit" data-testid="audit-log">
      <div className="row">
        <label className="field-label">Kind
          <select value={kind} data-testid="audit-kind" onChange={(e) => setKind(e.target.value)}>
            <option value="">all</option>
            {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
        <label className="field-label">From<input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} /></label>
        <label className="field-label">To<input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} /></label>
        <label className="field-label">Who or what<input value={text} data-testid="audit-search" placeholder="name, key, advisory id" onChange={(e) => setText(e.target.value)} /></label>
        <button className="btn" onClick={() => void load()}>Refresh</button>
        <span className="cm-muted" data-testid="audit-count">{shown.length} of {entries.length} entries</span>
      </div>
      {error && <div className="form-error">{error}</div>}
      <div className="scroll rp-audit-list">
        <table className="table table-compact">
          <thead><tr><th>Time</th><th>Who</th><th>Kind</th><th>What</th></tr></thead>
          <tbody>
            {shown.map((e) => (
              <Fragment key={e.seq}>
                <tr className="rp-audit-row" data-testid="audit-row" onClick={() => setOpen(open === e.seq ? null : e.seq)}>
                  <td>{new Date(e.timeMs).toLocaleString()}</td>
                  <td>{e.actor}</td>
                  <td>{e.kind}</td>
                  <td>{e.summary}</td>
                </tr>
                {open === e.seq && (
                  <tr>
                    <td colSpan={4}>
                      <div className="rp-audit-detail">
                        <div><b>Before</b><pre>{detail(e.before)}</pre></div>
                        <div><b>After</b><pre>{detail(e.after)}</pre></div>
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
