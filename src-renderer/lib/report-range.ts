// The Reports view's range picker as data: the choice a person makes (current shift, a time
// range, the whole well, a depth interval) into the engine's report request, or a message
// saying what to fix. Pure: "now" and the shift hours come in.
import type { ReportRequest } from '../../src-shared/reports.js';
import { shiftStartAt } from '../../src-shared/shift-clock.js';
import { DISPLAY_UNITS, type UnitSystem } from '../../src-shared/units.js';

export type RangeMode = 'current-shift' | 'time-range' | 'well' | 'depth';

export interface RangeChoice {
  mode: RangeMode;
  /** datetime-local text, e.g. "2025-01-01T06:00". */
  fromLocal: string;
  toLocal: string;
  /** Depths as typed, in the display unit. */
  fromDepth: string;
  toDepth: string;
}

export type RangeRequest = Omit<Extract<ReportRequest, { kind: 'shift' }>, 'jobId' | 'units'> | Omit<Extract<ReportRequest, { kind: 'well' }>, 'jobId' | 'units'> | Omit<Extract<ReportRequest, { kind: 'interval' }>, 'jobId' | 'units'>;

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms -> the value a datetime-local input shows (local time). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** datetime-local text -> epoch ms (local time), or null. */
export function fromLocalInput(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** The current shift as the default time range. */
export function defaultChoice(nowMs: number, shiftHours: readonly number[]): RangeChoice {
  return { mode: 'current-shift', fromLocal: toLocalInput(shiftStartAt(nowMs, shiftHours)), toLocal: toLocalInput(nowMs), fromDepth: '', toDepth: '' };
}

/** The request for a choice, or a message naming what is wrong with it. */
export function requestFor(c: RangeChoice, units: UnitSystem): { request: RangeRequest } | { error: string } {
  if (c.mode === 'current-shift') return { request: { kind: 'shift' } };
  if (c.mode === 'well') return { request: { kind: 'well' } };
  if (c.mode === 'time-range') {
    const fromMs = fromLocalInput(c.fromLocal);
    const toMs = fromLocalInput(c.toLocal);
    if (fromMs === null || toMs === null) return { error: 'Enter both a start and an end time.' };
    if (fromMs >= toMs) return { error: 'The start must be before the end.' };
    return { request: { kind: 'shift', fromMs, toMs } };
  }
  const toFt = (text: string): number | null => {
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v) || v < 0) return null;
    return units === 'metric' ? v / DISPLAY_UNITS.depth.toMetric(1) : v;
  };
  const fromDepthFt = toFt(c.fromDepth);
  const toDepthFt = toFt(c.toDepth);
  if (fromDepthFt === null || toDepthFt === null) return { error: 'Enter both depths as numbers.' };
  if (fromDepthFt >= toDepthFt) return { error: 'The top depth must be shallower than the bottom depth.' };
  return { request: { kind: 'interval', fromDepthFt: Math.round(fromDepthFt * 10) / 10, toDepthFt: Math.round(toDepthFt * 10) / 10 } };
}
