import { describe, expect, it } from 'vitest';
import { appendBounded } from '../../../src-renderer/store/trend-store.js';
import { flatten, parseField, unflatten } from '../../../src-renderer/lib/config-fields.js';
import { shiftStartMs, rememberActor, rememberedActor } from '../../../src-renderer/lib/shift.js';

describe('trend buffer', () => {
  it('stays bounded and keeps the newest points', () => {
    const s: [number, number][] = [];
    for (let i = 0; i < 30_000; i++) appendBounded(s, [i, i], 10_000);
    expect(s.length).toBeLessThanOrEqual(10_000 + 4_000);
    expect(s[s.length - 1]).toEqual([29_999, 29_999]);
  });

  it('ignores a repeated or older sample', () => {
    const s: [number, number][] = [[1000, 1]];
    appendBounded(s, [1000, 2]);
    appendBounded(s, [500, 3]);
    expect(s).toEqual([[1000, 1]]);
  });
});

describe('config fields', () => {
  it('round-trips nested config through dotted keys', () => {
    const cfg = { thresholds: { well_control: { pit_gain_warning_bbl: 5 } }, acquisition: { channel_overrides: {} } };
    const flat = flatten(cfg);
    expect(flat['thresholds.well_control.pit_gain_warning_bbl']).toBe(5);
    expect(unflatten(flat)).toEqual(cfg);
  });

  it('keeps non-numeric text as text so the engine reports it', () => {
    expect(parseField('12.5', 5)).toBe(12.5);
    expect(parseField('abc', 5)).toBe('abc');
    expect(parseField('', 5)).toBe('');
  });
});

describe('actor remembered per shift', () => {
  it('is forgotten at the next shift change', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const t0 = new Date(2026, 0, 10, 7, 0).getTime();
    rememberActor(storage, 'J. Smith', t0);
    expect(rememberedActor(storage, t0 + 3 * 3_600_000)).toBe('J. Smith');
    expect(rememberedActor(storage, new Date(2026, 0, 10, 18, 30).getTime())).toBe('');
    expect(shiftStartMs(new Date(2026, 0, 11, 2, 0).getTime())).toBe(new Date(2026, 0, 10, 18, 0).getTime());
  });
});
