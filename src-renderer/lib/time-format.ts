// Clock and date text, 24-hour or 12-hour as the screen's setting says. Formatters are built
// once per setting: Intl formatters are expensive to create (profiled in chart ticks).

export type ClockStyle = '24h' | '12h';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat('en-GB', options)));
  return f;
}

const hour12 = (c: ClockStyle): boolean => c === '12h';

/** 14:02:11 or 2:02:11 pm */
export function clockText(ms: number, c: ClockStyle): string {
  return formatter(`clock${c}`, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: hour12(c) }).format(ms);
}

/** 14:02 (chart ticks) */
export function hourMinute(ms: number, c: ClockStyle): string {
  return formatter(`hm${c}`, { hour: '2-digit', minute: '2-digit', hour12: hour12(c) }).format(ms);
}

/** 2024-05-01 14:02:11 (history rows: the date is part of the record). */
export function dateTimeText(ms: number, c: ClockStyle): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${date} ${clockText(ms, c)}`;
}

/** "8 s", "3 min", "2 h": how old a reading is. */
export function ageText(ageMs: number): string {
  const s = Math.max(0, Math.round(ageMs / 1000));
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  return min < 120 ? `${min} min` : `${Math.round(min / 60)} h`;
}
