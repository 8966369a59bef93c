import { describe, expect, it } from 'vitest';
import { show } from '../../../src-renderer/lib/format.js';
import { DRILLER_TILES } from '../../../src-renderer/views/DrillerView.js';
import { TREND_CHANNELS } from '../../../src-renderer/lib/channels.js';

describe('display units used by the views', () => {
  it('shows US oilfield values unchanged', () => {
    expect(show(10_000, 'depth', 'imperial')).toEqual({ text: '10000', unit: 'ft' });
    expect(show(25.04, 'force', 'imperial')).toEqual({ text: '25.0', unit: 'klbf' });
    expect(show(10.5, 'density', 'imperial')).toEqual({ text: '10.50', unit: 'ppg' });
  });

  it('converts to metric with the right factor and unit', () => {
    expect(show(10_000, 'depth', 'metric')).toEqual({ text: '3048', unit: 'm' });
    expect(show(25, 'force', 'metric')).toEqual({ text: '111.2', unit: 'kN' }); // 25 klbf = 111.2 kN
    expect(show(3000, 'pressure', 'metric')).toEqual({ text: '20684', unit: 'kPa' });
    expect(show(500, 'flow', 'metric')).toEqual({ text: '1893', unit: 'L/min' });
    expect(show(10, 'volume', 'metric')).toEqual({ text: '1.59', unit: 'm³' });
    expect(show(10, 'density', 'metric')).toEqual({ text: '1.198', unit: 'g/cm³' });
    expect(show(15, 'torque', 'metric')).toEqual({ text: '20.3', unit: 'kN·m' });
    expect(show(60, 'rop', 'metric')).toEqual({ text: '18.3', unit: 'm/hr' });
  });

  it('keeps rpm as rpm and shows a dash for missing values', () => {
    expect(show(120, 'speed', 'metric')).toEqual({ text: '120', unit: 'rpm' });
    expect(show(null, 'depth', 'metric')).toEqual({ text: '—', unit: 'm' });
    expect(show(Number.NaN, 'flow', 'imperial').text).toBe('—');
  });

  it('gives every driller tile and trend channel a quantity with a metric unit', () => {
    for (const t of [...DRILLER_TILES, ...TREND_CHANNELS]) {
      const m = show(1, t.quantity, 'metric');
      expect(typeof m.unit).toBe('string');
    }
    expect(DRILLER_TILES.find((t) => t.id === 'wob')?.quantity).toBe('force');
    expect(DRILLER_TILES.find((t) => t.id === 'spp')?.quantity).toBe('pressure');
    expect(DRILLER_TILES.find((t) => t.id === 'ecd-margin')?.quantity).toBe('density');
  });
});
