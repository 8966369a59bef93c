// Times and durations as a report prints them: local wall-clock time of the engine host
// ("2025-01-01 06:00"), with the UTC offset stated once in the header. Pure.

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatLocalTime(ms: number, seconds = false): string {
  const d = new Date(ms);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${base}:${pad(d.getSeconds())}` : base;
}

/** "UTC+01:00" for the offset in force at `ms`. */
export function utcOffsetLabel(ms: number): string {
  const off = -new Date(ms).getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "3 h 05 min", "12 min", "45 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const days = Math.floor(h / 24);
  if (days >= 2) return `${days} d ${h % 24} h`;
  return `${h} h ${pad(m % 60)} min`;
}

/** For file names: "20250101-0600". */
export function compactLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}
