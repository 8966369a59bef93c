import { describe, expect, it } from 'vitest';
import { show } from '../../../src-renderer/lib/format.js';
import { CHANNEL_BY_KEY, TREND_CHANNELS, axisTitle, channelText } from '../../../src-renderer/lib/channels.js';
import { DEFAULT_TILES, TILE_CHANNELS } from '../../../src-renderer/lib/tiles.js';

describe('display units used by the views', () => {
  it('shows US oilfield values unchanged, depth with thousands separators', () => {
    expect(show(10_000, 'depth', 'imperial')).toEqual({ text: '10,000', unit: 'ft' });
    expect(show(25.04, 'force', 'imperial')).toEqual({ text: '25.0', unit: 'klbf' });
    expect(show(10.5, 'density', 'imperial')).toEqual({ text: '10.50', unit: 'ppg' });
  });

  it('converts to metric with the right factor and unit', () => {
    expect(show(10_000, 'depth', 'metric')).toEqual({ text: '3,048', unit: 'm' });
    expect(show(25, 'force', 'metric')).toEqual({ text: '111.2', unit: 'kN' }); // 25 klbf = 111.2 kN
    expect(show(3000, 'pressure', 'metric')).toEqual({ text: '20,684', unit: 'kPa' });
    expect(show(500, 'flow', 'metric')).toEqual({ text: '1893', unit: 'L/min' });
    expect(show(10, 'volume', 'metric')).toEqual({ text: '1.59', unit: 'm³' });
    expect(show(10, 'density', 'metric')).toEqual({ text: '1.198', unit: 'g/cm³' });
    expect(show(15, 'torque', 'metric')).toEqual({ text: '20.3', unit: 'kN·m' });
    expect(show(60, 'rop', 'metric')).toEqual({ text: '18.3', unit: 'm/hr' });
  });

  it('never shows -0.0; keeps rpm as rpm and shows a dash for missing values', () => {
    expect(show(-0.04, 'volume', 'imperial').text).toBe('0.0');
    expect(show(-0.3, 'flow', 'imperial').text).toBe('0');
    expect(show(120, 'speed', 'metric')).toEqual({ text: '120', unit: 'rpm' });
    expect(show(null, 'depth', 'metric')).toEqual({ text: '—', unit: 'm' });
    expect(show(Number.NaN, 'flow', 'imperial').text).toBe('—');
  });

  it('every channel has an axis title with its unit, and a signed channel gets its +', () => {
    for (const c of TREND_CHANNELS) expect(axisTitle(c, 'metric')).toMatch(/\(.+\)$/);
    expect(axisTitle(CHANNEL_BY_KEY.get('gasUnits')!, 'imperial')).toBe('Gas (units)');
    expect(axisTitle(CHANNEL_BY_KEY.get('dExponent')!, 'imperial')).toBe('d-exponent (dimensionless)');
    expect(channelText(CHANNEL_BY_KEY.get('flowBalanceGpm')!, 12.4, 'imperial')).toBe('+12 gpm');
    expect(channelText(CHANNEL_BY_KEY.get('pitGainBbl')!, 0.02, 'imperial')).toBe('0.0 bbl');
  });

  it('every tile, default or chosen, is a known channel', () => {
    for (const k of [...TILE_CHANNELS, ...Object.values(DEFAULT_TILES).flat()]) expect(CHANNEL_BY_KEY.has(k), k).toBe(true);
    for (const k of ['hookLoadKlbf', 'blockHeightFt', 'pumpSpm', 'gasUnits', 'mudWeightInPpg', 'mudWeightOutPpg', 'tripTankBbl', 'casingPressurePsi']) expect(TILE_CHANNELS).toContain(k);
  });
});
