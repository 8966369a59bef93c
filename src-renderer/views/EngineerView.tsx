// Engineer: trends (10 min .. 24 h, channels selectable), d-exponent and MSE against depth,
// per-phase latency, baseline progress, ticket and verification counts.
import { memo, useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { toDisplay, unitLabel, type UnitSystem } from '../../src-shared/units.js';
import { CHANNEL_BY_KEY, TREND_CHANNELS, type TrendChannel } from '../lib/channels.js';
import { lttb } from '../lib/lttb.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { useTrend, type Series } from '../store/trend-store.js';

export const WINDOWS = [
  { label: '10 min', ms: 10 * 60_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '6 h', ms: 6 * 3_600_000 },
  { label: '24 h', ms: 24 * 3_600_000 },
] as const;

export const POINTS_PER_LINE = 1000;
/**
 * Charts redraw at most once per drawn bucket (window / points per line), never faster than 1 s:
 * on a 6 h window a new sample moves the line by less than a pixel until a bucket fills.
 */
export function chartRefreshMs(windowMs: number): number {
  return Math.max(1000, Math.round(windowMs / POINTS_PER_LINE));
}
/** Depth plots change slowly (depth moves feet per minute). */
const DEPTH_REFRESH_MS = 30_000;
const DEPTH_POINTS = 400;
const DEPTH_CHANNEL = 'bitDepthFt';

/** First index with time >= t (series sorted by time). */
function lowerBound(s: Series, t: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid][0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Re-reads the trend buffer at most once per refreshMs, and only when it changed. */
function useTrendTick(refreshMs: number): number {
  const [tick, setTick] = useState(() => useTrend.getState().version);
  useEffect(() => {
    const id = setInterval(() => {
      const v = useTrend.getState().version;
      setTick((t) => (t === v ? t : v));
    }, refreshMs);
    return () => clearInterval(id);
  }, [refreshMs]);
  return tick;
}

const TrendChart = memo(function TrendChart({ channel, windowMs, tick, units }: { channel: TrendChannel; windowMs: number; tick: number; units: UnitSystem }) {
  const data = useMemo(() => {
    const s = useTrend.getState().series[channel.key] ?? [];
    const endMs = s.length ? s[s.length - 1][0] : Date.now();
    const slice = s.slice(lowerBound(s, endMs - windowMs));
    return lttb(slice, POINTS_PER_LINE).map(([t, v]) => ({ t, v: toDisplay(v, channel.quantity, units) }));
    // tick: the buffer is mutated in place, the tick says it changed
  }, [channel, windowMs, tick, units]);
  const unit = unitLabel(channel.quantity, units);
  return (
    <div className="chart-box" data-testid={`chart-${channel.key}`} data-points={data.length}>
      <div className="chart-title">{channel.label}{unit ? ` (${unit})` : ''}</div>
      <ResponsiveContainer width="100%" height="100%">
        {/* No hover tooltip: it tripled mount time (bench) and is a mouse feature, not a glove one. */}
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a3240" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} stroke="#9aa4b2" />
          <YAxis stroke="#9aa4b2" width={64} domain={['auto', 'auto']} tickFormatter={(v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(1))} />

          <Line type="linear" dataKey="v" stroke={channel.color} dot={false} isAnimationActive={false} strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

const DepthPlot = memo(function DepthPlot({ metric, label, tick, units }: { metric: string; label: string; tick: number; units: UnitSystem }) {
  const data = useMemo(() => {
    const series = useTrend.getState().series;
    const depth = series[DEPTH_CHANNEL] ?? [];
    const values = series[metric] ?? [];
    // join by time: depth at or just before each metric sample
    const joined: [number, number][] = [];
    let j = 0;
    for (const [t, v] of values) {
      while (j + 1 < depth.length && depth[j + 1][0] <= t) j++;
      if (depth.length && depth[j][0] <= t) joined.push([depth[j][1], v]);
    }
    joined.sort((a, b) => a[0] - b[0]);
    return lttb(joined, DEPTH_POINTS).map(([d, v]) => ({
      d: toDisplay(d, 'depth', units),
      v: metric === 'msePsi' ? toDisplay(v, 'pressure', units) : v,
    }));
  }, [metric, tick, units]);
  return (
    <div className="chart-box" data-testid={`depth-${metric}`} data-points={data.length}>
      <div className="chart-title">{label} vs depth ({unitLabel('depth', units)})</div>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart layout="vertical" data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a3240" />
          <XAxis dataKey="v" type="number" stroke="#9aa4b2" domain={['auto', 'auto']} tickFormatter={(v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(2))} />
          <YAxis dataKey="d" type="number" reversed stroke="#9aa4b2" width={64} domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toFixed(0)} />
          <Line dataKey="v" stroke="#c4b5fd" dot={false} isAnimationActive={false} strokeWidth={2} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

function LatencyTable(): React.JSX.Element {
  const latency = useApp((s) => s.status?.latency ?? null);
  const rows = latency ? Object.entries(latency) : [];
  return (
    <table className="table" data-testid="latency-table">
      <thead><tr><th>Phase</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>n</th></tr></thead>
      <tbody>
        {rows.map(([phase, l]) => (
          <tr key={phase}><td>{phase}</td><td>{l.p50Ms.toFixed(2)}</td><td>{l.p95Ms.toFixed(2)}</td><td>{l.p99Ms.toFixed(2)}</td><td>{l.count}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

function Counts(): React.JSX.Element {
  const counts = useApp((s) => s.status?.counts ?? null);
  const baseline = useApp((s) => s.status?.baseline ?? null);
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
          <span>Rejected pkts <b>{counts.rejectedPackets}</b></span>
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

export function EngineerView(): React.JSX.Element {
  const [windowMs, setWindowMs] = useState<number>(WINDOWS[1].ms);
  const [selected, setSelected] = useState<string[]>(['ropFtHr', 'wobKlbf', 'flowBalanceGpm', 'sppPsi']);
  const [loadError, setLoadError] = useState<string | null>(null);
  const units = useApp((s) => s.units);
  const tick = useTrendTick(chartRefreshMs(windowMs));
  const depthTick = useTrendTick(DEPTH_REFRESH_MS);

  useEffect(() => {
    let cancelled = false;
    const toMs = Date.now();
    const channels = [...new Set([...selected, DEPTH_CHANNEL, 'dExponent', 'msePsi'])];
    void getBridge()
      .call('getMetricSeries', { channels, fromMs: toMs - windowMs, toMs, maxPoints: 5000 })
      .then((r) => {
        if (cancelled) return;
        if (!r.ok) return setLoadError(r.error.message);
        setLoadError(null);
        for (const s of r.value) useTrend.getState().setHistory(s.channel, s.points);
      });
    return () => {
      cancelled = true;
    };
  }, [windowMs, selected]);

  const toggle = (key: string): void =>
    setSelected((s) => (s.includes(key) ? s.filter((k) => k !== key) : s.length >= 6 ? s : [...s, key]));

  return (
    <div className="view view-engineer" data-testid="view-engineer">
      <div className="eng-controls">
        {WINDOWS.map((w) => (
          <button key={w.label} className={`btn ${w.ms === windowMs ? 'chosen' : ''}`} data-testid={`window-${w.label.replace(' ', '')}`} onClick={() => setWindowMs(w.ms)}>
            {w.label}
          </button>
        ))}
        <span className="eng-sep" />
        {TREND_CHANNELS.map((c) => (
          <label key={c.key} className="chan">
            <input type="checkbox" checked={selected.includes(c.key)} onChange={() => toggle(c.key)} data-testid={`chan-${c.key}`} />
            {c.label}
          </label>
        ))}
        {loadError && <span className="form-error">History: {loadError}</span>}
      </div>
      <div className="eng-body">
        <div className="eng-charts" style={{ gridTemplateRows: `repeat(${Math.max(selected.length, 1)}, 1fr)` }}>
          {selected.map((k) => {
            const c = CHANNEL_BY_KEY.get(k);
            return c ? <TrendChart key={k} channel={c} windowMs={windowMs} tick={tick} units={units} /> : null;
          })}
        </div>
        <div className="eng-side">
          <div className="eng-depth">
            <DepthPlot metric="dExponent" label="d-exponent" tick={depthTick} units={units} />
            <DepthPlot metric="msePsi" label={`MSE (${unitLabel('pressure', units)})`} tick={depthTick} units={units} />
          </div>
          <Counts />
          <div className="scroll"><LatencyTable /></div>
        </div>
      </div>
    </div>
  );
}
