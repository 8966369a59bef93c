// Shift boundaries in local time (the clock on the cabin wall; the engine's and the screen's),
// from the configured start hours (reports.shift_start_hours, e.g. [6, 18]). Pure: time comes in.

const DAY_MS = 86_400_000;

function sortedHours(hours: readonly number[]): number[] {
  const h = [...new Set(hours.filter((x) => Number.isInteger(x) && x >= 0 && x <= 23))].sort((a, b) => a - b);
  return h.length > 0 ? h : [0];
}

/** Local midnight-based boundary: hour `h` on the local day of `dayMs`. */
function boundaryOn(dayMs: number, h: number): number {
  const d = new Date(dayMs);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), h, 0, 0, 0).getTime();
}

/** Start of the shift that `timeMs` falls in (the latest boundary at or before it). */
export function shiftStartAt(timeMs: number, hours: readonly number[]): number {
  const hs = sortedHours(hours);
  for (let back = 0; back <= 2; back++) {
    const day = timeMs - back * DAY_MS;
    for (let i = hs.length - 1; i >= 0; i--) {
      const b = boundaryOn(day, hs[i]);
      if (b <= timeMs) return b;
    }
  }
  return timeMs; // unreachable with a valid hour list
}

/** The first boundary strictly after `timeMs`. */
export function nextShiftStart(timeMs: number, hours: readonly number[]): number {
  const hs = sortedHours(hours);
  for (let ahead = 0; ahead <= 2; ahead++) {
    const day = timeMs + ahead * DAY_MS;
    for (const h of hs) {
      const b = boundaryOn(day, h);
      if (b > timeMs) return b;
    }
  }
  return timeMs + DAY_MS;
}
