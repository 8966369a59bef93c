import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src-main/config/validate.js';

describe('reports.* configuration keys', () => {
  it('defaults to shifts changing at 06:00 and 18:00, written by themselves, US oilfield units', () => {
    expect(validateConfig({}).config?.reports).toEqual({ shift_start_hours: [6, 18], auto_write: true, units: 'imperial', font_file: '' });
  });

  it('accepts other shift patterns', () => {
    expect(validateConfig({ reports: { shift_start_hours: [0, 8, 16] } }).ok).toBe(true);
    expect(validateConfig({ reports: { shift_start_hours: [7] } }).ok).toBe(true);
  });

  it('names the key when an hour is out of range, not whole, repeated, or the list is empty', () => {
    for (const bad of [[6, 24], [6.5, 18], [-1], [], [6, 6]]) {
      const v = validateConfig({ reports: { shift_start_hours: bad } });
      expect(v.ok, JSON.stringify(bad)).toBe(false);
      expect(v.errors[0].key).toMatch(/^reports\.shift_start_hours/);
    }
    expect(validateConfig({ reports: { shift_start_hours: [6, 6] } }).errors[0].message).toMatch(/must not repeat an hour/);
    expect(validateConfig({ reports: { units: 'furlongs' } }).errors[0].key).toBe('reports.units');
  });
});
