// Vector trend charts drawn with pdfkit paths: value against time, optional second axis on the
// right (RPM beside WOB), depth drawn increasing downwards, and advisory markers on the time
// axis coloured by risk. Gaps in the data break the line instead of bridging it.
import { COLORS } from './pdf-doc.js';
import { formatLocalTime } from '../model/time-format.js';

export interface ChartSeries {
  label: string;
  color: string;
  /** [timeMs, display value], time ascending. */
  points: [number, number][];
  axis?: 'left' | 'right';
}

export interface ChartMarker {
  timeMs: number;
  color: string;
}

export interface ChartSpec {
  title: string;
  leftUnit: string;
  rightUnit?: string;
  series: ChartSeries[];
  markers: ChartMarker[];
  fromMs: number;
  toMs: number;
  /** Depth charts: bigger values lower down. */
  invertY?: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const TIME_STEPS_MS = [60_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000];

/** Round tick values over [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) {
    const pad = Math.abs(min) * 0.05 || 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 0.5; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function timeTicks(fromMs: number, toMs: number): { ticks: number[]; stepMs: number } {
  const span = Math.max(1, toMs - fromMs);
  const stepMs = TIME_STEPS_MS.find((s) => span / s <= 7) ?? TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
  const ticks: number[] = [];
  // Align to the step in local time (an hour tick falls on the hour on the cabin clock).
  const offsetMs = new Date(fromMs).getTimezoneOffset() * 60_000;
  for (let t = Math.ceil((fromMs - offsetMs) / stepMs) * stepMs + offsetMs; t <= toMs; t += stepMs) ticks.push(t);
  return { ticks, stepMs };
}

function tickLabel(t: number, stepMs: number): string {
  const s = formatLocalTime(t);
  return stepMs >= 86_400_000 ? s.slice(5, 10) : stepMs >= 21_600_000 ? s.slice(5) : s.slice(11);
}

function fmtTick(v: number): string {
  const a = Math.abs(v);
  return a >= 10_000 ? v.toFixed(0) : a >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3)));
}

function extent(series: ChartSeries[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const [, v] of s.points) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Largest gap between points that is still drawn as a line (3 buckets). */
function gapLimitMs(points: [number, number][]): number {
  if (points.length < 3) return Infinity;
  const steps = points.slice(1).map((p, i) => p[0] - points[i][0]).sort((a, b) => a - b);
  return steps[steps.length >> 1] * 3;
}

export function drawTimeChart(doc: PDFKit.PDFDocument, box: Box, spec: ChartSpec): void {
  const plot = { x: box.x + 44, y: box.y + 20, w: box.w - 44 - (spec.rightUnit ? 40 : 8), h: box.h - 36 };
  doc.font('Bold').fontSize(8.5).fillColor(COLORS.text).text(spec.title, box.x, box.y, { width: box.w * 0.6, lineBreak: false });
  // Legend, right-aligned on the title line.
  let lx = box.x + box.w;
  doc.font('Body').fontSize(7);
  for (const s of [...spec.series].reverse()) {
    const label = `${s.label} (${s.axis === 'right' ? spec.rightUnit : spec.leftUnit})`;
    lx -= doc.widthOfString(label) + 16;
    doc.rect(lx, box.y + 3, 8, 3).fill(s.color);
    doc.fillColor(COLORS.muted).text(label, lx + 11, box.y, { lineBreak: false });
  }
  doc.rect(plot.x, plot.y, plot.w, plot.h).lineWidth(0.5).strokeColor(COLORS.rule).stroke();

  const xOf = (t: number) => plot.x + ((t - spec.fromMs) / Math.max(1, spec.toMs - spec.fromMs)) * plot.w;
  const { ticks: tx, stepMs } = timeTicks(spec.fromMs, spec.toMs);
  doc.fontSize(6.5).fillColor(COLORS.muted);
  for (const t of tx) {
    const x = xOf(t);
    doc.moveTo(x, plot.y).lineTo(x, plot.y + plot.h).lineWidth(0.2).strokeColor('#dddddd').stroke();
    doc.fillColor(COLORS.muted).text(tickLabel(t, stepMs), x - 25, plot.y + plot.h + 3, { width: 50, align: 'center', lineBreak: false });
  }

  // Advisory markers: a tick under the time axis and a faint line through the plot.
  for (const m of spec.markers) {
    const x = xOf(m.timeMs);
    if (x < plot.x || x > plot.x + plot.w) continue;
    doc.moveTo(x, plot.y).lineTo(x, plot.y + plot.h).lineWidth(0.4).strokeColor(m.color).strokeOpacity(0.35).stroke();
    doc.strokeOpacity(1);
    doc.moveTo(x, plot.y + plot.h - 5).lineTo(x, plot.y + plot.h).lineWidth(1.6).strokeColor(m.color).stroke();
  }

  for (const axis of ['left', 'right'] as const) {
    const onAxis = spec.series.filter((s) => (s.axis ?? 'left') === axis);
    const ext = extent(onAxis);
    if (!ext) {
      if (axis === 'left') doc.fontSize(8).fillColor(COLORS.muted).text('no data in this period', plot.x, plot.y + plot.h / 2 - 4, { width: plot.w, align: 'center' });
      continue;
    }
    const ticks = niceTicks(ext[0], ext[1]);
    const lo = ticks[0];
    const hi = ticks[ticks.length - 1];
    const yOf = (v: number) => {
      const f = (v - lo) / (hi - lo || 1);
      return spec.invertY ? plot.y + f * plot.h : plot.y + plot.h - f * plot.h;
    };
    doc.fontSize(6.5).fillColor(COLORS.muted);
    for (const v of ticks) {
      const y = yOf(v);
      if (axis === 'left') doc.moveTo(plot.x, y).lineTo(plot.x + plot.w, y).lineWidth(0.2).strokeColor('#e4e4e4').stroke();
      const lx2 = axis === 'left' ? plot.x - 42 : plot.x + plot.w + 3;
      doc.fillColor(COLORS.muted).text(fmtTick(v), lx2, y - 3.5, { width: 38, align: axis === 'left' ? 'right' : 'left', lineBreak: false });
    }
    for (const s of onAxis) drawLine(doc, s, xOf, yOf);
  }
}

function drawLine(doc: PDFKit.PDFDocument, s: ChartSeries, xOf: (t: number) => number, yOf: (v: number) => number): void {
  const gap = gapLimitMs(s.points);
  doc.lineWidth(0.8).strokeColor(s.color);
  let open = false;
  let prevT = -Infinity;
  for (const [t, v] of s.points) {
    const x = xOf(t);
    const y = yOf(v);
    if (!open || t - prevT > gap) {
      if (open) doc.stroke();
      doc.moveTo(x, y);
      open = true;
    } else doc.lineTo(x, y);
    prevT = t;
  }
  if (open) doc.stroke();
}
