// Engineer: trends (10 min .. 24 h, channels selectable), d-exponent and MSE against depth,
// per-phase latency, baseline progress, ticket and verification counts, outcomes per fault.
//
// Keeping it fast with 6 h+ of 1 Hz history (issue 5: < 50 ms of main-thread work per switch or
// live update):
// - each chart draws through `drawQueue`, one chart per task, so a window change, a history load
//   or coming back to this view never renders several recharts SVGs in one task;
// - a chart redraws only when its own channels changed (per-channel versions) and at most once
//   per drawn bucket; while the view is hidden it does not redraw at all;
// - lines are LTTB-downsampled to one point per 2.5 px of plot width (at most 1000);
// - history is fetched one channel per request, so no single message parse is large.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { toDisplay, unitLabel, type UnitSystem } from '../../src-shared/units.js';
import { OutcomeStatsTable } from '../components/OutcomeStatsTable.js';
import { CHANNEL_BY_KEY, TREND_CHANNELS, type TrendChannel } from '../lib/channels.js';
import { lttb } from '../lib/lttb.js';
import { joinByTime, lowerBound } from '../lib/series.js';
import { drawQueue } from '../lib/task-queue.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { channelVersion, useTrend } from '../store/trend-store.js';
import { useAppLive, useViewActive } from '../store/view-active.js';

export const WINDOWS = [
  { label: '10 min', ms: 10 * 60_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '6 h', ms: 6 * 3_600_000 },
  { label: '24 h', ms: 24 * 3_600_000 },
] as const;

/** Upper bound of drawn points per line. */
export const POINTS_PER_LINE = 1000;
/** Plot pixels per drawn point: ~470 points on the Engineer view's 1170 px plots (1080p). */
const PX_PER_POINT = 2.5;
export function pointsPerLine(plotWidthPx: number): number {
  return Math.max(100, Math.min(POINTS_PER_LINE, Math.round(plotWidthPx / PX_PER_POINT)));
}
/**
 * Charts redraw at most once per drawn bucket (window / points per line), never faster than 1 s:
 * on a 6 h window a new sample moves the line by less than a pixel until a bucket fills.
 */
export function chartRefreshMs(windowMs: number, points = POINTS_PER_LINE): number {
  return Math.max(1000, Math.round(windowMs / points));
}
/** Depth plots change slowly (depth moves feet per minute). */
const DEPTH_REFRESH_MS = 30_000;
const DEPTH_POINTS = 300;
/** d-exponent and MSE are plotted against bit depth (the depth the bit was drilling at). */
const DEPTH_CHANNEL = 'bitDepthFt';
/** History is asked for in buckets no finer than 1 s and no more than this many per channel. */
const HISTORY_MAX_POINTS = 5000;

/** The plot area's size, measured on mount and on resize; a hidden (0 x 0) box keeps the last size. */
function useBoxSize(): [React.RefObject<HTMLDivElement | null>, { w: number; h: number } | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number, h: number): void => {
      if (w < 1 || h < 1) return; // display:none: keep the last size, do not redraw at 0 x 0
      const rw = Math.floor(w);
      const rh = Math.floor(h);
      setSize((s) => (s && s.w === rw && s.h === rh ? s : { w: rw, h: rh }));
    };
    measure(el.clientWidth, el.clientHeight);
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      measure(r.width, r.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

interface Drawn<T> {
  sig: string;
  data: T;
}

/**
 * Draws `compute()` through the draw queue when the chart's inputs (`propsSig`) or its channels'
 * data changed; checks every `refreshMs` and at once when history lands. Nothing while hidden.
 */
function useQueuedDraw<T>(compute: () => T, propsSig: string | null, channels: readonly string[], refreshMs: number): Drawn<T> | null {
  const active = useViewActive();
  const [drawn, setDrawn] = useState<Drawn<T> | null>(null);
  const drawnSig = useRef<string | null>(null);
  const computeRef = useRef(compute);
  useLayoutEffect(() => {
    computeRef.current = compute;
  });
  const channelKey = channels.join(',');
  useEffect(() => {
    if (!active || propsSig === null) return;
    const keys = channelKey.split(',');
    const sigNow = (): string => `${propsSig}|${keys.map(channelVersion).join(',')}`;
    let cancel: (() => void) | null = null;
    const check = (): void => {
      if (cancel || sigNow() === drawnSig.current) return;
      cancel = drawQueue.push(() => {
        cancel = null;
        const sig = sigNow();
        if (sig === drawnSig.current) return;
        const data = computeRef.current();
        drawnSig.current = sig;
        flushSync(() => setDrawn({ sig, data }));
      });
    };
    // first check on the next frame: a just-shown view gets laid out by that frame, not inside
    // the first chart draw (recharts' text measuring would force that layout)
    const raf = requestAnimationFrame(check);
    const timer = setInterval(check, refreshMs);
    const unsub = useTrend.subscribe((s, prev) => {
      if (s.historyVersion !== prev.historyVersion) check();
    });
    return () => {
      cancelAnimationFrame(raf);
      clearInterval(timer);
      unsub();
      cancel?.();
    };
  }, [active, propsSig, channelKey, refreshMs]);
  return drawn;
}

// One formatter for all ticks: toLocaleTimeString(..., options) builds a new Intl formatter per
// call, which was the biggest single cost of a chart draw (profiled).
const TIME_TICK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const timeTick = (t: number): string => TIME_TICK.format(t);
const valueTick = (v: number): string => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(1));

const TrendChart = memo(function TrendChart({ channel, windowMs, units }: { channel: TrendChannel; windowMs: number; units: UnitSystem }) {
  const [box, size] = useBoxSize();
  const points = size ? pointsPerLine(size.w - 76) : POINTS_PER_LINE;
  const compute = (): { t: number; v: number }[] => {
    const s = useTrend.getState().series[channel.key] ?? [];
    const endMs = s.length ? s[s.length - 1][0] : 0;
    const slice = s.slice(lowerBound(s, endMs - windowMs));
    return lttb(slice, points).map(([t, v]) => ({ t, v: toDisplay(v, channel.quantity, units) }));
  };
  const sig = size ? `${windowMs}|${units}|${points}|${size.w}x${size.h}` : null;
  const drawn = useQueuedDraw(compute, sig, [channel.key], chartRefreshMs(windowMs, points));
  const unit = unitLabel(channel.quantity, units);
  const svg = useMemo(
    () =>
      drawn && size ? (
        // No hover tooltip: it tripled mount time (bench) and is a mouse feature, not a glove one.
        <LineChart width={size.w} height={size.h} data={drawn.data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a3240" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={timeTick} stroke="#9aa4b2" />
          <YAxis stroke="#9aa4b2" width={64} domain={['auto', 'auto']} tickFormatter={valueTick} />
          <Line type="linear" dataKey="v" stroke={channel.color} dot={false} isAnimationActive={false} strokeWidth={2} />
        </LineChart>
      ) : null,
    // size is read with drawn: a redraw follows every size change
    [drawn, channel.color],
  );
  return (
    <div className="chart-box" data-testid={`chart-${channel.key}`} data-points={drawn?.data.length ?? 0} data-max-points={points}>
      <div className="chart-title">{channel.label}{unit ? ` (${unit})` : ''}</div>
      <div className="chart-plot" ref={box}>{svg}</div>
    </div>
  );
});

const DepthPlot = memo(function DepthPlot({ metric, label, units }: { metric: string; label: string; units: UnitSystem }) {
  const [box, size] = useBoxSize();
  const compute = (): { d: number; v: number }[] => {
    const series = useTrend.getState().series;
    return joinByTime(series[DEPTH_CHANNEL] ?? [], series[metric] ?? [], DEPTH_POINTS).map(([d, v]) => ({
      d: toDisplay(d, 'depth', units),
      v: metric === 'msePsi' ? toDisplay(v, 'pressure', units) : v,
    }));
  };
  const sig = size ? `${units}|${size.w}x${size.h}` : null;
  const drawn = useQueuedDraw(compute, sig, [DEPTH_CHANNEL, metric], DEPTH_REFRESH_MS);
  const svg = useMemo(
    () =>
      drawn && size && drawn.data.length > 0 ? (
        <LineChart layout="vertical" width={size.w} height={size.h} data={drawn.data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#2a3240" />
          <XAxis dataKey="v" type="number" stroke="#9aa4b2" domain={['auto', 'auto']} tickFormatter={(v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(2))} />
          <YAxis dataKey="d" type="number" reversed stroke="#9aa4b2" width={64} domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toFixed(0)} />
          <Line dataKey="v" stroke="#c4b5fd" dot={false} isAnimationActive={false} strokeWidth={2} />
        </LineChart>
      ) : null,
    [drawn],
  );
  return (
    <div className="chart-box" data-testid={`depth-${metric}`} data-points={drawn?.data.length ?? 0}>
      <div className="chart-title">{label} vs depth ({unitLabel('depth', units)})</div>
      <div className="chart-plot" ref={box}>
        {svg ?? (drawn ? <div className="chart-empty">No {label} samples while drilling yet</div> : null)}
      </div>
    </div>
  );
});

function LatencyTable(): React.JSX.Element {
  const latency = useAppLive((s) => s.status?.latency ?? null);
  const rows = latency ? Object.entries(latency) : [];
  return (
    <table className="table table-compact" data-testid="latency-table">
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

/** The window ends at the feed's newest sample: a replay or a 100x simulator is not "now". */
function windowEndMs(): number {
  const app = useApp.getState().status;
  return useTrend.getState().latestMs ?? app?.packet?.timeMs ?? app?.metrics?.timeMs ?? Date.now();
}

export function EngineerView(): React.JSX.Element {
  const [windowMs, setWindowMs] = useState<number>(WINDOWS[1].ms);
  const [selected, setSelected] = useState<string[]>(['ropFtHr', 'wobKlbf', 'flowBalanceGpm', 'sppPsi']);
  const [loadError, setLoadError] = useState<string | null>(null);
  const units = useApp((s) => s.units);
  const connected = useApp((s) => s.connection === 'open');

  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    const toMs = windowEndMs();
    const channels = [...new Set([DEPTH_CHANNEL, 'dExponent', 'msePsi', ...selected])];
    // one request per channel: each answer is parsed and stored in its own task
    for (const channel of channels) {
      void getBridge()
        .call('getMetricSeries', { channels: [channel], fromMs: toMs - windowMs, toMs, maxPoints: HISTORY_MAX_POINTS })
        .then((r) => {
          if (cancelled) return;
          if (!r.ok) return setLoadError(r.error.message);
          for (const s of r.value) useTrend.getState().setHistory(s.channel, s.points);
        });
    }
    setLoadError(null);
    return () => {
      cancelled = true;
    };
  }, [windowMs, selected, connected]);

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
        <div className="eng-charts" style={{ gridTemplateRows: `repeat(${Math.max(selected.length, 1)}, minmax(0, 1fr))` }}>
          {selected.map((k) => {
            const c = CHANNEL_BY_KEY.get(k);
            return c ? <TrendChart key={k} channel={c} windowMs={windowMs} units={units} /> : null;
          })}
        </div>
        <div className="eng-side">
          <div className="eng-depth">
            <DepthPlot metric="dExponent" label="d-exponent" units={units} />
            <DepthPlot metric="msePsi" label={`MSE (${unitLabel('pressure', units)})`} units={units} />
          </div>
          <Counts />
          <div className="eng-latency"><LatencyTable /></div>
          <div className="eng-outcomes" title="Per fault: advisories confirmed real vs marked false alarm"><OutcomeStatsTable /></div>
        </div>
      </div>
    </div>
  );
}

/**
 * The first recharts render in a page is several times slower than the next ones (code not yet
 * compiled: measured 78 ms for the first chart of the Engineer view against ~20 ms after). Draw
 * small throw-away charts off-screen at start-up (one per task: `next` defers), so the first
 * Engineer visit does not pay that inside a user's click.
 */
export function prewarmCharts(next: (cb: () => void) => void): void {
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:400px;height:200px;visibility:hidden';
  document.body.appendChild(host);
  const root = createRoot(host);
  const data = Array.from({ length: 1000 }, (_, i) => ({ t: i * 1000, v: Math.sin(i / 5), d: 10_000 + i / 10 }));
  const trend = (d: typeof data) => (
    <LineChart width={400} height={100} data={d}>
      <CartesianGrid stroke="#2a3240" />
      <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={timeTick} />
      <YAxis width={64} domain={['auto', 'auto']} tickFormatter={valueTick} />
      <Line type="linear" dataKey="v" dot={false} isAnimationActive={false} />
    </LineChart>
  );
  const depth = (
    <LineChart layout="vertical" width={200} height={100} data={data}>
      <XAxis dataKey="v" type="number" domain={['auto', 'auto']} />
      <YAxis dataKey="d" type="number" reversed domain={['dataMin', 'dataMax']} />
      <Line dataKey="v" dot={false} isAnimationActive={false} />
    </LineChart>
  );
  // mount, then an update with new data (the redraw path), then the depth plot's layout
  flushSync(() => root.render(trend(data)));
  next(() => {
    flushSync(() => root.render(trend(data.map((p) => ({ ...p, v: p.v * 2 })))));
    next(() => {
      flushSync(() => root.render(<>{trend(data)}{depth}</>));
      next(() => {
        root.unmount();
        host.remove();
      });
    });
  });
}
