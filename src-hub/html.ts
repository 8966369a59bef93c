// HTML escaping for the server-rendered fleet page: every value from a rig goes through esc().
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

export function isoOrDash(ms: number | null): string {
  return ms === null || !Number.isFinite(ms) ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}
