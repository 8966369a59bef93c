// Flattens the nested well configuration into dotted keys ("thresholds.well_control.pit_gain_warning_bbl")
// for editing as fields, and back. The engine's error keys use the same dotted form.

export type Leaf = string | number | boolean;

export function flatten(obj: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && !isMap(key)) flatten(v, key, out);
      else out[key] = v;
    }
  }
  return out;
}

/** Record-valued keys that are values, not sections. */
function isMap(key: string): boolean {
  return key === 'acquisition.channel_overrides';
}

export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = v;
  }
  return out;
}

/**
 * A field's text back to a value of the original's type. Text that is not a number stays text
 * so the engine (not the form) says what is wrong with it.
 */
export function parseField(text: string, original: unknown): unknown {
  if (typeof original === 'number') {
    const t = text.trim();
    const n = Number(t);
    return t !== '' && Number.isFinite(n) ? n : text;
  }
  if (typeof original === 'boolean') return text === 'true';
  if (Array.isArray(original) || (original && typeof original === 'object')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function fieldText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
