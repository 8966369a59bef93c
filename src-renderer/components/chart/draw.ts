// Canvas drawing for the trend tracks (value against time) and the depth tracks (value against
// depth, depth increasing downwards as on a log). One function per chart kind; the React
// components only size the canvas and call these. Canvas keeps a 6 h, 1 Hz line to a few ms.
import { lowerBound } from '../../lib/series.js';
import { lttb } from '../../lib/lttb.js';
import { hourMinute, type ClockStyle } from '../../lib/time-format.js';
import { fixed } from '../../../src-shared/number-format.js';
import { gapStarts, niceTicks, scale, tickDecimals, timeTicks, valueDomain, type Domain } from '../../lib/chart-scale.js';
import type { ChartPalette } from './palette.js';

/** Left gutter for value ticks: the same on every track, so time axes line up. */
export const GUTTER_LEFT = 58;
export const GUTTER_RIGHT = 10;
export const TIME_LABELS_H = 18;
const TOP = 6;
const FONT = '12px "DejaVu Sans", Arial, sans-serif';
/** Drawn points per plot pixel: more would not show. */
const POINTS_PER_PX = 0.5;

export type Series = [number, number][];

export interface Threshold {
  value: number;
  level: 'warn' | 'crit';
}
export interface Marker {
  timeMs: number;
  level: 'warn' | 'crit' | 'info';
}

export interface TimeChartInput {
  /** Canonical series, sorted by time. */
  series: Series;
  /** Canonical value -> display value. */
  toDisplay: (v: number) => number;
  domain: Domain;
  color: string;
  /** Display units. */
  thresholds: readonly Threshold[];
  markers: readonly Marker[];
  timeLabels: boolean;
  clock: ClockStyle;
}

export interface TimeChartDrawn {
  points: number;
  /** Time of the first drawn point (null when none): how far back the line reaches. */
  firstMs: number | null;
  yDomain: Domain;
  plot: { x0: number; x1: number; y0: number; y1: number };
}

function fitCanvas(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D {
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  const pw = Math.max(1, Math.round(w * dpr));
  const ph = Math.max(1, Math.round(h * dpr));
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}

function valueTick(v: number, decimals: number): string {
  return fixed(v, decimals, Math.abs(v) >= 10_000);
}

export function drawTimeChart(canvas: HTMLCanvasElement, w: number, h: number, input: TimeChartInput, pal: ChartPalette): TimeChartDrawn {
  const ctx = fitCanvas(canvas, w, h);
  const plot = { x0: GUTTER_LEFT, x1: w - GUTTER_RIGHT, y0: TOP, y1: h - (input.timeLabels ? TIME_LABELS_H : 4) };
  const [from, to] = input.domain;
  const s = input.series;
  // one sample either side of the window so the line reaches the edges
  const i0 = Math.max(0, lowerBound(s, from) - 1);
  const i1 = Math.min(s.length, lowerBound(s, to) + 1);
  const visible = lttb(s.slice(i0, i1), Math.max(50, Math.round((plot.x1 - plot.x0) * POINTS_PER_PX)));
  const pts = visible.map(([t, v]) => [t, input.toDisplay(v)] as [number, number]);
  const yDomain = valueDomain(
    pts.map((p) => p[1]),
    input.thresholds.map((t) => t.value),
  );
  const x = scale(input.domain, plot.x0, plot.x1);
  const y = scale(yDomain, plot.y1, plot.y0);
  ctx.font = FONT;
  ctx.lineWidth = 1;

  // value grid and ticks
  const ticks = niceTicks(yDomain[0], yDomain[1], Math.max(2, Math.floor((plot.y1 - plot.y0) / 28)));
  const dec = tickDecimals(ticks, yDomain[1] - yDomain[0]);
  ctx.strokeStyle = pal.grid;
  ctx.fillStyle = pal.text;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks) {
    const py = Math.round(y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.x0, py);
    ctx.lineTo(plot.x1, py);
    ctx.stroke();
    ctx.fillText(valueTick(t, dec), plot.x0 - 6, py);
  }
  // time grid (and labels on the track that carries them)
  const tz = -new Date(from).getTimezoneOffset() * 60_000;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of timeTicks(from, to, Math.max(2, Math.floor((plot.x1 - plot.x0) / 90)), tz)) {
    const px = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, plot.y0);
    ctx.lineTo(px, plot.y1);
    ctx.stroke();
    if (input.timeLabels) ctx.fillText(hourMinute(t, input.clock), px, plot.y1 + 3);
  }
  ctx.strokeStyle = pal.axis;
  ctx.strokeRect(plot.x0 + 0.5, plot.y0 + 0.5, plot.x1 - plot.x0 - 1, plot.y1 - plot.y0 - 1);

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0);
  ctx.clip();
  // threshold lines: dashed amber (warning) and red (critical: an alarm limit)
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5;
  for (const th of input.thresholds) {
    ctx.strokeStyle = th.level === 'crit' ? pal.crit : pal.warn;
    const py = Math.round(y(th.value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.x0, py);
    ctx.lineTo(plot.x1, py);
    ctx.stroke();
  }
  // event markers: a vertical line per advisory
  ctx.setLineDash([2, 3]);
  ctx.lineWidth = 2;
  for (const m of input.markers) {
    if (m.timeMs < from || m.timeMs > to) continue;
    ctx.strokeStyle = m.level === 'crit' ? pal.crit : m.level === 'warn' ? pal.warn : pal.info;
    const px = Math.round(x(m.timeMs)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, plot.y0);
    ctx.lineTo(px, plot.y1);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  // the line, broken where the data has a gap (a dropped feed is not a straight line)
  const breaks = gapStarts(pts.map((p) => p[0]));
  ctx.strokeStyle = input.color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  pts.forEach(([t, v], i) => (i === 0 || breaks.has(i) ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
  ctx.stroke();
  ctx.restore();
  const firstInside = pts.find((p) => p[0] >= from);
  return { points: pts.length, firstMs: firstInside ? firstInside[0] : null, yDomain, plot };
}

export interface DepthChartInput {
  /** [depth, value] pairs in display units, sorted by depth. */
  points: readonly (readonly [number, number])[];
  color: string;
  thresholds: readonly Threshold[];
}

export const DEPTH_GUTTER_LEFT = 64;
const DEPTH_BOTTOM = 18;

export interface DepthChartDrawn {
  depthDomain: Domain;
  valueDomain: Domain;
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** Value across, depth down (shallow at the top, as every log is drawn). */
export function drawDepthChart(canvas: HTMLCanvasElement, w: number, h: number, input: DepthChartInput, pal: ChartPalette): DepthChartDrawn {
  const ctx = fitCanvas(canvas, w, h);
  const plot = { x0: DEPTH_GUTTER_LEFT, x1: w - GUTTER_RIGHT, y0: TOP, y1: h - DEPTH_BOTTOM };
  const depths = valueDomain(input.points.map((p) => p[0]));
  const values = valueDomain(
    input.points.map((p) => p[1]),
    input.thresholds.map((t) => t.value),
  );
  const x = scale(values, plot.x0, plot.x1);
  const y = scale(depths, plot.y0, plot.y1); // depth grows downwards
  ctx.font = FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = pal.grid;
  ctx.fillStyle = pal.text;
  const dTicks = niceTicks(depths[0], depths[1], Math.max(2, Math.floor((plot.y1 - plot.y0) / 32)));
  const dDec = tickDecimals(dTicks, depths[1] - depths[0]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const d of dTicks) {
    const py = Math.round(y(d)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.x0, py);
    ctx.lineTo(plot.x1, py);
    ctx.stroke();
    ctx.fillText(fixed(d, dDec, true), plot.x0 - 6, py);
  }
  const vTicks = niceTicks(values[0], values[1], Math.max(2, Math.floor((plot.x1 - plot.x0) / 70)));
  const vDec = tickDecimals(vTicks, values[1] - values[0]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of vTicks) {
    const px = Math.round(x(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, plot.y0);
    ctx.lineTo(px, plot.y1);
    ctx.stroke();
    ctx.fillText(valueTick(v, vDec), px, plot.y1 + 3);
  }
  ctx.strokeStyle = pal.axis;
  ctx.strokeRect(plot.x0 + 0.5, plot.y0 + 0.5, plot.x1 - plot.x0 - 1, plot.y1 - plot.y0 - 1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0);
  ctx.clip();
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5;
  for (const th of input.thresholds) {
    ctx.strokeStyle = th.level === 'crit' ? pal.crit : pal.warn;
    const px = Math.round(x(th.value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, plot.y0);
    ctx.lineTo(px, plot.y1);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = input.color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  input.points.forEach(([d, v], i) => (i === 0 ? ctx.moveTo(x(v), y(d)) : ctx.lineTo(x(v), y(d))));
  ctx.stroke();
  ctx.restore();
  return { depthDomain: depths, valueDomain: values, plot };
}

/** The sample nearest to `t` (binary search), or null. */
export function nearestSample(s: Series, t: number): [number, number] | null {
  if (s.length === 0) return null;
  const i = lowerBound(s, t);
  const a = s[Math.max(0, i - 1)];
  const b = s[Math.min(s.length - 1, i)];
  return Math.abs(a[0] - t) <= Math.abs(b[0] - t) ? a : b;
}
