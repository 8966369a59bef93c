// The frame's own time (acquisition.packet_time = "frame"): WITS Record 01 Date 0105 (YYMMDD) and
// Time 0106 (HHMMSS), read as UTC, written by the simulator and read back by the decoder.
import { describe, expect, it } from 'vitest';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { witsDateTimeItems, witsDateTimeMs } from '../../../src-main/acquisition/wits-date-time.js';
import { formatWitsFrame } from '../../../src-main/acquisition/wits0-writer.js';
import { WitsStreamDecoder } from '../../../src-main/acquisition/wits0-parser.js';
import { validateConfig } from '../../../src-main/config/validate.js';

describe('WITS Date/Time items', () => {
  it('reads YYMMDD and HHMMSS (and YYYYMMDD) as UTC', () => {
    expect(witsDateTimeMs(260131, 235959)).toBe(Date.UTC(2026, 0, 31, 23, 59, 59));
    expect(witsDateTimeMs(20260131, 5)).toBe(Date.UTC(2026, 0, 31, 0, 0, 5));
    expect(witsDateTimeMs(260101.0, 93000.0)).toBe(Date.UTC(2026, 0, 1, 9, 30, 0));
  });

  it('refuses what is not a date or a time', () => {
    expect(witsDateTimeMs(260231, 0)).toBeNull(); // 31 February
    expect(witsDateTimeMs(261301, 0)).toBeNull();
    expect(witsDateTimeMs(260100, 0)).toBeNull();
    expect(witsDateTimeMs(260101, 246000)).toBeNull();
    expect(witsDateTimeMs(260101, 1261)).toBeNull();
    expect(witsDateTimeMs(260101, null)).toBeNull();
    expect(witsDateTimeMs(-1, 0)).toBeNull();
  });

  it('round-trips through the items', () => {
    const t = Date.UTC(2031, 6, 4, 17, 8, 9);
    const { date, time } = witsDateTimeItems(t);
    expect([date, time]).toEqual([310704, 170809]);
    expect(witsDateTimeMs(date, time)).toBe(t);
  });
});

describe('the decoder with frameTime', () => {
  const map = buildChannelMap('wits-record01');
  const t = Date.UTC(2026, 0, 1, 6, 0, 30);
  const frame = formatWitsFrame({ bitDepthFt: 9000, holeDepthFt: 9010 }, map, 'imperial', t);

  it('stamps the packet with the frame time, the receive time without it', () => {
    const d = new WitsStreamDecoder({ channelMap: map, units: 'imperial', frameTime: true });
    const [p] = d.push(frame, 123);
    expect(p.timeMs).toBe(t);
    expect(p.bitDepthFt).toBe(9000);
    const [q] = d.push(formatWitsFrame({ bitDepthFt: 9000 }, map), 456);
    expect(q.timeMs).toBe(456);
    // A garbled date falls back to the receive time, never a made-up one.
    const [r] = d.push('&&\r\n0105261399\r\n0106120000\r\n0108100\r\n!!\r\n', 789);
    expect(r.timeMs).toBe(789);
  });

  it('keeps the receive time when frameTime is off (the default, DOMAIN §1.1)', () => {
    const d = new WitsStreamDecoder({ channelMap: map, units: 'imperial' });
    expect(d.push(frame, 123)[0].timeMs).toBe(123);
  });

  it('never reads 0105 as a date where the map gives it a channel (reference layout: block position)', () => {
    const ref = buildChannelMap('reference');
    const d = new WitsStreamDecoder({ channelMap: ref, units: 'imperial', frameTime: true });
    // The writer leaves the date out there too; a frame with 0105 = 260101 is a block height.
    expect(formatWitsFrame({ blockHeightFt: 40 }, ref, 'imperial', t)).not.toMatch(/0106/);
    const [p] = d.push('&&\r\n0105260101\r\n0106120000\r\n0108100\r\n!!\r\n', 5);
    expect(p.timeMs).toBe(5);
    expect(p.blockHeightFt).toBe(260101);
  });

  it('configuration: "frame" with the reference map is a warning naming the key', () => {
    const v = validateConfig({ acquisition: { packet_time: 'frame', channel_map: 'reference' } });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => w.key)).toEqual(['acquisition.packet_time']);
    expect(validateConfig({ acquisition: { packet_time: 'frame' } }).warnings).toEqual([]);
    expect(validateConfig({ acquisition: { packet_time: 'sometimes' } }).errors.map((e) => e.key)).toEqual(['acquisition.packet_time']);
  });
});
