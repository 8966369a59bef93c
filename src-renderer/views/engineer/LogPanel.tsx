// The engine's last log lines for the engineer (issue 15): time, level, the part that wrote it and
// the text, oldest first, newest at the bottom. The count is bounded (the Bridge sends at most
// 1000); the panel asks again on Refresh and every 15 s while the view is shown.
import { useEffect, useRef, useState } from 'react';
import type { LogLevel, LogTail } from '../../../src-shared/health.js';
import { clockText } from '../../lib/time-format.js';
import { getBridge } from '../../store/connect.js';
import { usePrefs } from '../../store/prefs-store.js';
import { useViewActive } from '../../store/view-active.js';

export const LOG_COUNTS = [50, 200, 1000] as const;
const REFRESH_MS = 15_000;
const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function LogPanel(): React.JSX.Element {
  const [count, setCount] = useState<number>(LOG_COUNTS[0]);
  const [warnOnly, setWarnOnly] = useState(false);
  const [tick, setTick] = useState(0);
  const [tail, setTail] = useState<LogTail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clock = usePrefs((p) => p.clock);
  const list = useRef<HTMLOListElement>(null);
  const active = useViewActive();

  // Hidden views do not poll; coming back shows fresh lines at once.
  useEffect(() => {
    if (!active) return;
    setTick((n) => n + 1);
    const t = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(t);
  }, [active]);

  useEffect(() => {
    let live = true;
    void getBridge()
      .call('getLogTail', { lines: count })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setTail(r.value);
          setError(null);
        } else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [count, tick]);

  // Show the newest line after each load, as a log reader expects.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [tail, warnOnly]);

  const lines = (tail?.lines ?? []).filter((l) => !warnOnly || LEVEL_RANK[l.level] >= LEVEL_RANK.warn);
  return (
    <div className="eng-log" data-testid="log-panel">
      <div className="eng-log-head">
        <b>Engine log</b>
        <select aria-label="Lines shown" value={count} onChange={(e) => setCount(Number(e.target.value))} data-testid="log-count">
          {LOG_COUNTS.map((n) => (
            <option key={n} value={n}>last {n}</option>
          ))}
        </select>
        <label className="check"><input type="checkbox" checked={warnOnly} onChange={(e) => setWarnOnly(e.target.checked)} data-testid="log-warn-only" />warnings only</label>
        <button className="btn" onClick={() => setTick((n) => n + 1)} data-testid="log-refresh">Refresh</button>
      </div>
      {error && <p className="form-error">Log: {error}</p>}
      {tail && tail.file === null && <p className="muted">This engine writes no log file.</p>}
      {tail && tail.file !== null && lines.length === 0 && <p className="muted" data-testid="log-empty">No lines{warnOnly ? ' at warning or above' : ''}.</p>}
      <ol className="log-lines" ref={list} title={tail?.file ?? undefined}>
        {lines.map((l, i) => (
          <li key={`${l.timeMs}-${i}`} className={`log-line log-${l.level}`} data-testid="log-line" data-level={l.level}>
            <span className="log-time">{l.timeMs > 0 ? clockText(l.timeMs, clock) : '—'}</span>
            <span className="log-level">{l.level.toUpperCase()}</span>
            {l.component && <span className="log-part">{l.component}</span>}
            <span className="log-text">{l.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
