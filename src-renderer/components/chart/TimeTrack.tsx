// One trend track: a channel against time on a canvas, with its engine threshold lines, event
// markers, a hover readout and (when interactive) zoom/pan. Tracks sharing a domain and the
// same left gutter have aligned time axes.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { toDisplay } from '../../../src-shared/units.js';
import { axisTitle, channelText, type TrendChannel } from '../../lib/channels.js';
import type { Domain } from '../../lib/chart-scale.js';
import { thresholdLines } from '../../lib/limits.js';
import { clockText } from '../../lib/time-format.js';
import { useApp } from '../../store/app-store.js';
import { usePrefs } from '../../store/prefs-store.js';
import { useTrend } from '../../store/trend-store.js';
import { useViewActive } from '../../store/view-active.js';
import { drawTimeChart, nearestSample, type Marker, type TimeChartDrawn } from './draw.js';
import { PALETTES, lineColor } from './palette.js';
import { useBoxSize } from './use-box-size.js';
import { useChartGestures } from './use-chart-gestures.js';

export interface TimeTrackProps {
  channel: TrendChannel;
  domain: Domain;
  markers: readonly Marker[];
  timeLabels: boolean;
  hoverMs: number | null;
  onHover: (t: number | null) => void;
  interactive?: { onZoom: (atMs: number, factor: number) => void; onPan: (deltaMs: number) => void; onLive: () => void };
  testId?: string;
}

export const TimeTrack = memo(function TimeTrack(p: TimeTrackProps) {
  const { channel, domain, markers, timeLabels, hoverMs } = p;
  const active = useViewActive();
  const units = usePrefs((s) => s.units);
  const theme = usePrefs((s) => s.theme);
  const clock = usePrefs((s) => s.clock);
  const band = useApp((s) => (channel.limit ? (s.status?.limits?.[channel.limit] ?? null) : null));
  const historyVersion = useTrend((s) => s.historyVersion);
  const [box, size] = useBoxSize();
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<TimeChartDrawn | null>(null);
  const [stats, setStats] = useState({ points: 0, thresholds: 0, markers: 0, firstMs: 0 });

  const toDisp = (v: number): number => (channel.quantity === 'none' ? v : toDisplay(v, channel.quantity, units));
  const thresholds = thresholdLines(band).map((l) => ({ ...l, value: toDisp(l.value) }));
  const thresholdSig = thresholds.map((t) => t.value).join(',');
  const markerSig = markers.map((m) => `${m.timeMs}${m.level}`).join(',');

  useLayoutEffect(() => {
    if (!active || !size || !canvas.current) return;
    const series = useTrend.getState().series[channel.key] ?? [];
    const d = drawTimeChart(canvas.current, size.w, size.h, { series, toDisplay: toDisp, domain, color: lineColor(channel.color, theme), thresholds, markers, timeLabels, clock }, PALETTES[theme]);
    drawn.current = d;
    const inDomain = markers.filter((m) => m.timeMs >= domain[0] && m.timeMs <= domain[1]).length;
    const firstMs = Math.round(d.firstMs ?? 0);
    setStats((s) => (s.points === d.points && s.thresholds === thresholds.length && s.markers === inDomain && s.firstMs === firstMs ? s : { points: d.points, thresholds: thresholds.length, markers: inDomain, firstMs }));
    // (the signatures stand in for the threshold and marker arrays)
  }, [active, size, domain[0], domain[1], units, theme, clock, thresholdSig, markerSig, timeLabels, historyVersion, channel.key]);

  // crosshair on its own canvas: hovering never redraws the line
  useLayoutEffect(() => {
    const o = overlay.current;
    const d = drawn.current;
    if (!o || !size || !d) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    o.width = Math.round(size.w * dpr);
    o.height = Math.round(size.h * dpr);
    const ctx = o.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (hoverMs === null || hoverMs < domain[0] || hoverMs > domain[1]) return;
    const x = d.plot.x0 + ((hoverMs - domain[0]) / (domain[1] - domain[0])) * (d.plot.x1 - d.plot.x0);
    ctx.strokeStyle = PALETTES[theme].crosshair;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, d.plot.y0);
    ctx.lineTo(Math.round(x) + 0.5, d.plot.y1);
    ctx.stroke();
  }, [hoverMs, size, stats, domain, theme]);

  const timeAt = (x: number): number | null => {
    const d = drawn.current;
    if (!d || x < d.plot.x0 || x > d.plot.x1) return null;
    return domain[0] + ((x - d.plot.x0) / (d.plot.x1 - d.plot.x0)) * (domain[1] - domain[0]);
  };
  useChartGestures(
    box,
    {
      timeAt,
      msPerPx: () => (drawn.current ? (domain[1] - domain[0]) / (drawn.current.plot.x1 - drawn.current.plot.x0) : 0),
      onZoom: (t, f) => p.interactive?.onZoom(t, f),
      onPan: (dt) => p.interactive?.onPan(dt),
      onHover: p.onHover,
      onLive: () => p.interactive?.onLive(),
    },
    p.interactive !== undefined,
  );

  const hovered = hoverMs !== null ? nearestSample(useTrend.getState().series[channel.key] ?? [], hoverMs) : null;
  const readout = hovered && hoverMs !== null && Math.abs(hovered[0] - hoverMs) <= Math.max(5000, (domain[1] - domain[0]) / 200)
    ? `${clockText(hovered[0], clock)} · ${channelText(channel, hovered[1], units)}`
    : null;

  return (
    <div
      className="track"
      data-testid={p.testId ?? `track-${channel.key}`}
      data-points={stats.points}
      data-first-ms={stats.firstMs}
      data-thresholds={stats.thresholds}
      data-threshold-values={thresholdSig}
      data-markers={stats.markers}
      data-from={Math.round(domain[0])}
      data-to={Math.round(domain[1])}
    >
      <div className="track-head">
        <span className="track-title" data-testid="axis-title">{axisTitle(channel, units)}</span>
        {readout && <span className="track-readout" data-testid="hover-readout">{readout}</span>}
      </div>
      <div className={`track-plot${p.interactive ? ' track-interactive' : ''}`} ref={box}>
        <canvas ref={canvas} className="track-canvas" role="img" aria-label={`${channel.label} trend`} />
        <canvas ref={overlay} className="track-canvas track-overlay" aria-hidden="true" />
      </div>
    </div>
  );
});
