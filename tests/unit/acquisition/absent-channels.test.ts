// Channels that read 0 (or one value) for the whole run while they should move are taken as not
// fitted (issue 11 item 9); a channel that has ever moved is trusted for the rest of the run.
import { describe, expect, it } from 'vitest';
import { makePacket, type ChannelValues, type RigState } from '../../../src-shared/wits.js';
import { AbsentChannelTracker, absentChannels, channelsHealth, withoutChannels } from '../../../src-main/acquisition/absent-channels.js';

const T0 = Date.UTC(2024, 0, 1);
const settings = { absentAfterS: 600, circulationFlowMinGpm: 50, idleRpmMax: 5 };
const drilling: Partial<ChannelValues> = {
  bitDepthFt: 10_000, holeDepthFt: 10_000, ropFtHr: 60, wobKlbf: 25, rpm: 120, torqueKftLbf: 12, sppPsi: 3000,
  flowInGpm: 600, flowOutGpm: 0, pitVolumeBbl: 400, gasUnits: 0, pumpSpm: 110, hookLoadKlbf: 250, mudWeightInPpg: 10,
};

function packet(tS: number, values: Partial<ChannelValues> = {}, rigState: RigState = 'Drilling') {
  const p = makePacket(T0 + tS * 1000, { ...drilling, ...values });
  p.rigState = rigState;
  return p;
}

/** Feeds `seconds` of 1 Hz packets from `fromS`; `vary` sets per-second values. */
function feed(t: AbsentChannelTracker, fromS: number, seconds: number, vary: (s: number) => Partial<ChannelValues> = () => ({}), rigState: RigState = 'Drilling') {
  for (let s = fromS; s < fromS + seconds; s++) t.observe(packet(s, { pitVolumeBbl: 400 + (s % 7) * 0.1, ...vary(s) }, rigState));
}

const detected = (t: AbsentChannelTracker) => t.detected().map((a) => a.channel).sort();

describe('AbsentChannelTracker', () => {
  it('flow out and gas reading 0 through 10 min of drilling are taken as not fitted, not before', () => {
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 599);
    expect(detected(t)).toEqual([]);
    feed(t, 599, 3);
    expect(detected(t)).toEqual(['flowOutGpm', 'gasUnits']);
    const flow = t.detected().find((a) => a.channel === 'flowOutGpm');
    expect(flow).toMatchObject({ source: 'detected', sinceMs: T0 + 600_000, reason: 'flow out reads 0 after 10 min of pumping: treated as not fitted' });
    const p = packet(700);
    t.blank(p);
    expect(p.flowOutGpm).toBeNull();
    expect(p.gasUnits).toBeNull();
    expect(p.sppPsi).toBe(3000);
  });

  it('only time with the activity that moves the channel counts; gaps do not', () => {
    const t = new AbsentChannelTracker(settings);
    // Pumps off for an hour: a flow out of 0 is right, gas says nothing either (not drilling).
    feed(t, 0, 3600, () => ({ flowInGpm: 0, rpm: 0, ropFtHr: 0, wobKlbf: 0 }), 'Idle');
    expect(detected(t)).toEqual([]);
    // Pumping, one packet every 5 min: 11 packets are not 10 min watched (each step counts at most 10 s).
    for (let k = 0; k < 11; k++) t.observe(packet(4000 + k * 300));
    expect(detected(t)).toEqual([]);
  });

  it('a channel that has ever moved is trusted: later zeros (total losses) are never hidden', () => {
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 120, (s) => ({ flowOutGpm: 590 + (s % 5) }));
    feed(t, 120, 1800, () => ({ flowOutGpm: 0 }));
    expect(detected(t)).not.toContain('flowOutGpm');
  });

  it('a channel taken as absent comes back as soon as it reads something else', () => {
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 700);
    expect(detected(t)).toContain('flowOutGpm');
    t.observe(packet(700, { flowOutGpm: 588 }));
    expect(detected(t)).not.toContain('flowOutGpm');
    feed(t, 701, 900);
    expect(detected(t)).not.toContain('flowOutGpm');
  });

  it('one unchanging value: not fitted for flow out and pits, a real reading for SPP and mud weight', () => {
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 700, () => ({ flowOutGpm: 123.4, pitVolumeBbl: 250, gasUnits: 12 }));
    expect(detected(t)).toEqual(['flowOutGpm', 'pitVolumeBbl']);
    expect(t.detected().find((a) => a.channel === 'pitVolumeBbl')?.reason).toBe('pit volume reads 250 without change after 10 min of pumping: treated as not fitted');
  });

  it('a trip tank reading 0 through 10 min of tripping is not fitted; with the pumps on nothing else is inferred', () => {
    const t = new AbsentChannelTracker(settings);
    const trip = () => ({ flowInGpm: 0, rpm: 0, ropFtHr: 0, wobKlbf: 0, tripTankBbl: 0, flowOutGpm: null, gasUnits: null });
    feed(t, 0, 700, trip, 'TrippingOut');
    expect(detected(t)).toEqual(['tripTankBbl']);
  });

  it('null readings are no evidence either way', () => {
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 1200, () => ({ flowOutGpm: null, gasUnits: null }));
    expect(detected(t)).toEqual([]);
  });
});

describe('declared channels and the health component', () => {
  it('withoutChannels nulls the declared channels on a copy', () => {
    const p = packet(0, { flowOutGpm: 0 });
    const out = withoutChannels(p, ['flowOutGpm', 'gasUnits']);
    expect(out.flowOutGpm).toBeNull();
    expect(out.gasUnits).toBeNull();
    expect(p.flowOutGpm).toBe(0);
    expect(withoutChannels(p, [])).toBe(p);
  });

  it('declared channels are healthy, detected ones degraded until declared', () => {
    expect(channelsHealth([])).toEqual({ name: 'channels', status: 'healthy', detail: 'no channel reads as missing' });
    const declared = absentChannels(['gasUnits'], []);
    expect(channelsHealth(declared)).toEqual({ name: 'channels', status: 'healthy', detail: 'declared not fitted: gasUnits' });
    const t = new AbsentChannelTracker(settings);
    feed(t, 0, 700);
    const both = absentChannels(['gasUnits'], t.detected());
    // gas is declared: its detection is not repeated
    expect(both.map((a) => `${a.channel}:${a.source}`)).toEqual(['gasUnits:config', 'flowOutGpm:detected']);
    const h = channelsHealth(both);
    expect(h.status).toBe('degraded');
    expect(h.detail).toBe('flowOutGpm: flow out reads 0 after 10 min of pumping: treated as not fitted; declared not fitted: gasUnits');
  });
});

describe('unproven zeros', () => {
  it('a flow out that has read only 0 is blank from the first packet; once it reads returns, a 0 is a reading', () => {
    const t = new AbsentChannelTracker(settings);
    const first = packet(0);
    t.observe(first);
    t.blank(first);
    expect(first.flowOutGpm).toBeNull();
    expect(t.detected()).toEqual([]); // not yet called not fitted: that takes the 10 minutes
    // Pits read 400 from the start: a non-zero reading is not blanked by this rule.
    expect(first.pitVolumeBbl).toBe(400);
    const returns = packet(1, { flowOutGpm: 580 });
    t.observe(returns);
    t.blank(returns);
    expect(returns.flowOutGpm).toBe(580);
    const noReturns = packet(2, { flowOutGpm: 0 });
    t.observe(noReturns);
    t.blank(noReturns);
    expect(noReturns.flowOutGpm).toBe(0);
  });
});
