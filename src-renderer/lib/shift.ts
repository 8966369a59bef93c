// The actor name is remembered for the shift: 12-hour shifts changing at 06:00 and 18:00 local.
export const SHIFT_CHANGE_HOURS = [6, 18] as const;

export function shiftStartMs(nowMs: number): number {
  const d = new Date(nowMs);
  const h = d.getHours();
  const start = new Date(d);
  start.setMinutes(0, 0, 0);
  if (h >= 18) start.setHours(18);
  else if (h >= 6) start.setHours(6);
  else {
    start.setDate(start.getDate() - 1);
    start.setHours(18);
  }
  return start.getTime();
}

const KEY = 'sairen.actor';

export function rememberedActor(storage: Pick<Storage, 'getItem'>, nowMs: number): string {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return '';
    const v = JSON.parse(raw) as { name?: unknown; shiftStartMs?: unknown };
    return v.shiftStartMs === shiftStartMs(nowMs) && typeof v.name === 'string' ? v.name : '';
  } catch {
    return '';
  }
}

export function rememberActor(storage: Pick<Storage, 'setItem'>, name: string, nowMs: number): void {
  try {
    storage.setItem(KEY, JSON.stringify({ name, shiftStartMs: shiftStartMs(nowMs) }));
  } catch {
    // storage full or disabled: the name is simply asked again
  }
}
