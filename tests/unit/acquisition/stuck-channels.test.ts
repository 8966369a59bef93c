// A sensor that worked and then froze (a jammed flow-out paddle, a WITS item no longer updated):
// one unchanging reading through the stuck time of pumping is named in health, and clears when
// the reading moves again. A channel that never moved is the absent-channel tracker's business.
import { describe, expect, it } from 'vitest';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import { StuckChannelWatch } from '../../../src-main/acquisition/stuck-channels.js';
import { channelsHealth } from '../../../src-main/acquisition/absent-channels.js';

const T0 = Date.UTC(2024, 0, 1);
const settings = { stuckAfterS: 600, circulationFlowMinGpm: 50 };
const packet = (tS: number, v: Partial<ChannelValues>) => makePacket(T0 + tS * 1000, { flowInGpm: 600, sppPsi: 3000 + (tS % 5), ...v });

function feed(w: StuckChannelWatch, fromS: number, seconds: number, v: (s: number) => Partial<ChannelValues>) {
  for (let s = fromS; s < fromS + seconds; s++) w.observe(packet(s, v(s)));
}

describe('StuckChannelWatch', () => {
  it('a paddle that read returns and then freezes is stuck after 10 min of pumping, not before; it clears when it moves', () => {
    const w = new StuckChannelWatch(settings);
    feed(w, 0, 300, (s) => ({ flowOutGpm: 600 + (s % 3) }));
    feed(w, 300, 600, () => ({ flowOutGpm: 612 }));
    expect(w.stuck()).toEqual([]);
    feed(w, 900, 2, () => ({ flowOutGpm: 612 }));
    const [s] = w.stuck();
    expect(s.channel).toBe('flowOutGpm');
    expect(s.sinceMs).toBe(T0 + 300_000);
    expect(s.reason).toBe('flow out has read 612 gpm without any change for 10 min of pumping: check the sensor (kick and loss detection rely on it)');
    feed(w, 902, 1, () => ({ flowOutGpm: 611.5 }));
    expect(w.stuck()).toEqual([]);
  });
  it('time with the pumps off does not count (a paddle rests at one value with no returns)', () => {
    const w = new StuckChannelWatch(settings);
    feed(w, 0, 60, (s) => ({ flowOutGpm: 600 + (s % 3) }));
    feed(w, 60, 3000, () => ({ flowInGpm: 0, flowOutGpm: 0 }));
    feed(w, 3060, 300, () => ({ flowOutGpm: 0 }));
    expect(w.stuck()).toEqual([]);
  });
  it('a channel that never moved is not stuck (not fitted: the absent-channel tracker decides), nor one without readings', () => {
    const w = new StuckChannelWatch(settings);
    feed(w, 0, 2000, () => ({ flowOutGpm: 0, flowOutPercent: null }));
    expect(w.stuck()).toEqual([]);
  });
  it('an SPP reading next to nothing through real pumping is named after the stuck time, clears when it reads a pressure, and not at low rates', () => {
    const w = new StuckChannelWatch(settings);
    feed(w, 0, 599, (s) => ({ flowInGpm: 235, sppPsi: 8 + (s % 4) }));
    expect(w.stuck()).toEqual([]);
    feed(w, 599, 3, (s) => ({ flowInGpm: 235, sppPsi: 8 + (s % 4) }));
    const [s] = w.stuck();
    expect(s.channel).toBe('sppPsi');
    expect(s.sinceMs).toBe(T0);
    expect(s.reason).toMatch(/^SPP reads \d+ psi with 235 gpm going in for 10 min: pumping through the string and bit cannot take so little, check the transducer/);
    feed(w, 602, 1, () => ({ flowInGpm: 235, sppPsi: 400 }));
    expect(w.stuck()).toEqual([]);
    // Circulating slowly (150 gpm) with little pressure is not a dead sensor.
    const slow = new StuckChannelWatch(settings);
    feed(slow, 0, 1200, (t) => ({ flowInGpm: 150, sppPsi: 10 + (t % 4) }));
    expect(slow.stuck()).toEqual([]);
  });
  it('a frozen SPP is named too; health puts stuck sensors first and is degraded', () => {
    const w = new StuckChannelWatch(settings);
    feed(w, 0, 30, (s) => ({ flowOutGpm: 600 + (s % 3) }));
    feed(w, 30, 700, (s) => ({ flowOutGpm: 600 + (s % 3), sppPsi: 3120 }));
    expect(w.stuck().map((s) => s.channel)).toEqual(['sppPsi']);
    const h = channelsHealth([{ channel: 'gasUnits', source: 'detected', sinceMs: T0, reason: 'gas reads 0 after 10 min of drilling: treated as not fitted' }], w.stuck());
    expect(h.status).toBe('degraded');
    expect(h.detail).toMatch(/^sppPsi: SPP has read 3120 psi without any change for 10 min of pumping: check the sensor.*; gasUnits: gas reads 0/);
  });
});
