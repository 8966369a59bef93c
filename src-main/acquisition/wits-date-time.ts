// The time a WITS Record 01 frame carries itself: item 0105 Date (YYMMDD) and 0106 Time (HHMMSS),
// read as UTC. Used when acquisition.packet_time = "frame": a logger that sends a burst after an
// outage, or a feed replayed faster than real time, then keeps its real drilling rates (a receive
// stamp would squeeze minutes of pit gain into a second). Pure: no clock.

export const WITS_DATE_CODE = '0105';
export const WITS_TIME_CODE = '0106';

/** Date + time items -> epoch ms (UTC); null when either is missing or not a real date/time. */
export function witsDateTimeMs(date: number | null | undefined, time: number | null | undefined): number | null {
  if (date === null || date === undefined || time === null || time === undefined) return null;
  if (!Number.isFinite(date) || !Number.isFinite(time) || date < 0 || time < 0) return null;
  const d = Math.round(date);
  const t = Math.round(time);
  // YYMMDD as the specification has it; YYYYMMDD as some loggers send.
  const year = d >= 1_000_000 ? Math.floor(d / 10_000) : 2000 + Math.floor(d / 10_000);
  const month = Math.floor(d / 100) % 100;
  const day = d % 100;
  const hour = Math.floor(t / 10_000);
  const minute = Math.floor(t / 100) % 100;
  const second = t % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: such a date is not one.
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/** epoch ms -> the two items as a logger writes them (YYMMDD, HHMMSS). */
export function witsDateTimeItems(timeMs: number): { date: number; time: number } {
  const at = new Date(timeMs);
  const date = (at.getUTCFullYear() % 100) * 10_000 + (at.getUTCMonth() + 1) * 100 + at.getUTCDate();
  const time = at.getUTCHours() * 10_000 + at.getUTCMinutes() * 100 + at.getUTCSeconds();
  return { date, time };
}
