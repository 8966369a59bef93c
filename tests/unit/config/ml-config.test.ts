import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src-main/config/validate.js';

describe('ml.* configuration', () => {
  it('defaults to hourly over a 2 h window, enabled', () => {
    expect(validateConfig({}).config?.ml).toEqual({ enabled: true, interval_s: 3600, window_s: 7200 });
  });

  it.each([
    [{ interval_s: 60 }, 'ml.interval_s', 'must be within 300 to 86400 s (got 60)'],
    [{ interval_s: 100_000 }, 'ml.interval_s', 'must be within 300 to 86400 s'],
    [{ window_s: 300 }, 'ml.window_s', 'must be within 600 to 14400 s (got 300)'],
    [{ window_s: 20_000 }, 'ml.window_s', 'must be within 600 to 14400 s'],
  ])('rejects %o by key', (ml, key, message) => {
    const v = validateConfig({ ml });
    expect(v.ok).toBe(false);
    expect(v.errors.find((e) => e.key === key)?.message).toContain(message);
  });

  it('rejects a wrong type and an unknown key', () => {
    expect(validateConfig({ ml: { enabled: 'yes' } }).errors.map((e) => e.key)).toEqual(['ml.enabled']);
    expect(validateConfig({ ml: { interval: 3600 } }).errors.map((e) => e.key)).toEqual(['ml.interval']);
  });

  it('accepts a 15-minute interval over a 1 h window', () => {
    expect(validateConfig({ ml: { interval_s: 900, window_s: 3600 } }).ok).toBe(true);
  });
});
