import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Wits0Parser, WitsStreamDecoder, decodeFrame, type WitsFrame } from '../../../src-main/acquisition/wits0-parser.js';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { formatWitsFrame } from '../../../src-main/acquisition/wits0-writer.js';

const asPairs = (frames: WitsFrame[]) => frames.map((f) => [...f.items.entries()]);

/** A valid frame with 1-6 items, given as its text and its expected items. */
const frameArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 100, max: 199 }).map((n) => `0${n}`),
      fc.double({ min: -5000, max: 50000, noNaN: true }).map((v) => Math.round(v * 100) / 100),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((items) =>
    fc.constantFrom('\r\n', '\n', '\r').map((eol) => {
      const text = `&&${eol}${items.map(([c, v]) => `${c}${v.toFixed(2)}${eol}`).join('')}!!${eol}`;
      const expected = new Map<string, number | null>();
      for (const [c, v] of items) expected.set(c, Number(v.toFixed(2)));
      return { text, expected: [...expected.entries()] };
    }),
  );

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(text.slice(prev, p));
    prev = p;
  }
  parts.push(text.slice(prev));
  return parts;
}

describe('Wits0Parser', () => {
  it('parses a frame written by the writer, CRLF', () => {
    const map = buildChannelMap('wits-record01');
    const text = formatWitsFrame({ bitDepthFt: 10000.5, rpm: 120, wobKlbf: 25 }, map);
    const p = new Wits0Parser();
    const frames = p.push(text);
    expect(frames).toHaveLength(1);
    expect(frames[0].items.get('0108')).toBe(10000.5);
    expect(frames[0].items.get('0120')).toBe(120);
    expect(p.stats.frames).toBe(1);
    expect(p.stats.badLines).toBe(0);
  });

  it('property: any split of a valid stream into chunks yields the same frames', () => {
    fc.assert(
      fc.property(fc.array(frameArb, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 30 }), (frames, cuts) => {
        const text = frames.map((f) => f.text).join('');
        const whole = new Wits0Parser().push(text);
        const p = new Wits0Parser();
        const pieces = splitAt(text, cuts).flatMap((s) => p.push(Buffer.from(s, 'latin1')));
        expect(asPairs(pieces)).toEqual(asPairs(whole));
        expect(asPairs(whole)).toEqual(frames.map((f) => f.expected));
      }),
      { numRuns: 300 },
    );
  });

  it('property: garbage between frames never throws and never drops a complete valid frame', () => {
    const garbageLine = fc
      .uint8Array({ maxLength: 400 })
      .map((bytes) => Buffer.from(bytes).toString('latin1') + '\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbageLine, frameArb), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (pairs, cuts) => {
          const text = pairs.map(([g, f]) => g + f.text).join('');
          const p = new Wits0Parser({ maxLineChars: 128 });
          const got = splitAt(text, cuts).flatMap((s) => p.push(Buffer.from(s, 'latin1')));
          // Garbage can itself look like a frame; every real frame must still come out, in order.
          const expected = pairs.map(([, f]) => f.expected);
          const gotPairs = asPairs(got);
          let j = 0;
          for (const g of gotPairs) if (j < expected.length && JSON.stringify(g) === JSON.stringify(expected[j])) j++;
          expect(j).toBe(expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps null sentinels to null and counts them, including configured ones', () => {
    const p = new Wits0Parser({ nullValues: [99999] });
    const [f] = p.push('&&\n0108-999.25\n0110-9999\n011399999\n01145.5\n!!\n');
    expect(f.items.get('0108')).toBeNull();
    expect(f.items.get('0110')).toBeNull();
    expect(f.items.get('0113')).toBeNull();
    expect(f.items.get('0114')).toBe(5.5);
    expect(p.stats.nullValues).toBe(3);
  });

  it('counts bad and truncated lines, keeps the good items', () => {
    const p = new Wits0Parser();
    const [f] = p.push('junk before\n&&\n0108\n01x0123\n0113abc\n0114 12.5 \n0116NaN\n!!\n');
    expect([...f.items.entries()]).toEqual([['0114', 12.5]]);
    expect(p.stats.badLines).toBe(5); // junk, 0108 (too short), 01x0, abc, NaN
  });

  it('a second && drops the partial frame', () => {
    const p = new Wits0Parser();
    const frames = p.push('&&\n0108100\n&&\n0110200\n!!\n');
    expect(asPairs(frames)).toEqual([[['0110', 200]]]);
    expect(p.stats.partialFramesDropped).toBe(1);
  });

  it('bounds an endless line and an oversized frame, then recovers', () => {
    const p = new Wits0Parser({ maxLineChars: 64, maxFrameItems: 10 });
    const endless = 'x'.repeat(10_000);
    expect(p.push(endless)).toEqual([]);
    expect(p.push(endless)).toEqual([]);
    const bigFrame = '&&\n' + Array.from({ length: 50 }, (_, i) => `01${String(i).padStart(2, '0')}1\n`).join('') + '!!\n';
    const frames = p.push('\n' + bigFrame + '&&\n0108123\n!!\n');
    expect(asPairs(frames)).toEqual([[['0108', 123]]]);
    expect(p.stats.oversized).toBe(2);
    // the internal line buffer never held more than the bound
    expect((p as unknown as { pending: string }).pending.length).toBeLessThanOrEqual(64);
  });

  it('an empty frame emits nothing', () => {
    const p = new Wits0Parser();
    expect(p.push('&&\r\n!!\r\n')).toEqual([]);
    expect(p.stats.frames).toBe(0);
  });
});

describe('decoder', () => {
  it('converts a metric feed to canonical units, ignores unmapped codes, leaves absent channels null', () => {
    const map = buildChannelMap('reference');
    const frame: WitsFrame = {
      items: new Map<string, number | null>([
        ['0108', 1000], // m
        ['0116', 10], // kdaN
        ['0119', 20000], // kPa
        ['0121', 2000], // L/min
        ['0124', 1200], // kg/m3
        ['0126', 50], // degC
        ['0199', 7], // unmapped
        ['0113', null],
      ]),
    };
    const p = decodeFrame(frame, { channelMap: map, units: 'metric' }, 1_700_000_000_000);
    expect(p.timeMs).toBe(1_700_000_000_000);
    expect(p.bitDepthFt).toBeCloseTo(3280.84, 2);
    expect(p.wobKlbf).toBeCloseTo(22.48, 2);
    expect(p.sppPsi).toBeCloseTo(2900.76, 1);
    expect(p.flowInGpm).toBeCloseTo(528.34, 1);
    expect(p.mudWeightInPpg).toBeCloseTo(10.01, 2);
    expect(p.mudTempInF).toBeCloseTo(122, 5);
    expect(p.ropFtHr).toBeNull();
    expect(p.flowOutGpm).toBeNull();
  });

  it('stream decoder round-trips the writer for both presets and both unit systems', () => {
    for (const preset of ['wits-record01', 'reference'] as const) {
      for (const units of ['imperial', 'metric'] as const) {
        const map = buildChannelMap(preset);
        const d = new WitsStreamDecoder({ channelMap: map, units });
        const values = { bitDepthFt: 9000, holeDepthFt: 9010, rpm: 120, sppPsi: 3000, flowInGpm: 600 };
        const [p] = d.push(formatWitsFrame(values, map, units), 5);
        for (const [k, v] of Object.entries(values)) expect(p[k as keyof typeof values]).toBeCloseTo(v, 0);
        expect(p.flowOutGpm).toBeNull();
      }
    }
  });

  it('a frame with only unmapped codes is not a packet', () => {
    const d = new WitsStreamDecoder({ channelMap: buildChannelMap('wits-record01'), units: 'imperial' });
    expect(d.push('&&\n0999123\n!!\n', 1)).toEqual([]);
    expect(d.stats.emptyFrames).toBe(1);
    expect(d.stats.unmappedItems).toBe(1);
  });
});
