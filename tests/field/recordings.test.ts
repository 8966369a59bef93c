import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCsvPreset } from '../../src-main/acquisition/csv-presets.js';
import { readCsvPackets, type CsvReadStats } from '../../src-main/acquisition/csv-replay.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { DATA } from './data.js';

describe('real recordings under ../shared/data (header + first 100 rows)', () => {
  const files: Array<[string, string]> = [
    ['usrop/USROP_A1_F-7_depth.csv', 'usrop'],
    ['usrop/USROP_A6_F-9_depth.csv', 'usrop'],
    ['volve/F-9_depth_log_raw.csv', 'volve-depth'],
    ['volve/F-9A_time_log_PA.csv', 'volve-pa-time'],
  ];
  for (const [file, preset] of files) {
    it(`${file} is read as ${preset}`, async () => {
      const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
      const packets: WitsPacket[] = [];
      for await (const p of readCsvPackets(join(DATA, file), { stats })) {
        packets.push(p);
        if (stats.rows >= 100) break;
      }
      expect(stats.preset).toBe(preset);
      expect(packets.length).toBeGreaterThan(0);
      for (let i = 1; i < packets.length; i++) expect(packets[i].timeMs).toBeGreaterThanOrEqual(packets[i - 1].timeMs);
      const p = packets[packets.length - 1];
      expect(p.bitDepthFt).not.toBeNull();
      expect(p.bitDepthFt as number).toBeGreaterThan(0);
      expect(p.bitDepthFt as number).toBeLessThan(20_000);
      expect(p.flowOutGpm).toBeNull(); // no calibrated flow-out in any of these
      if (preset === 'usrop') {
        expect(p.wobKlbf).not.toBeNull();
        expect(p.mudWeightInPpg as number).toBeGreaterThan(8);
        expect(p.mudWeightInPpg as number).toBeLessThan(12);
      }
      if (preset === 'volve-pa-time') expect(p.hookLoadKlbf as number).toBeGreaterThan(50);
    });
  }
  it('detects each real header', () => {
    expect(detectCsvPreset(['', 'Measured Depth m', 'USROP Gamma gAPI'])).toBe('usrop');
  });
});

