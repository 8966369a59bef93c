import { describe, expect, it } from 'vitest';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { QualityGate, assessPacket } from '../../../src-main/acquisition/quality-gate.js';
import { RigStateClassifier } from '../../../src-main/acquisition/rig-state.js';
import { OperationClassifier, operationOf } from '../../../src-main/acquisition/operation.js';

const T0 = Date.UTC(2024, 0, 1);
const drilling: Partial<ChannelValues> = {
  bitDepthFt: 10_000, holeDepthFt: 10_000, ropFtHr: 60, wobKlbf: 25, rpm: 120,
  torqueKftLbf: 12, sppPsi: 3000, flowInGpm: 600, flowOutGpm: 600, hookLoadKlbf: 250,
};
const pkt = (values: Partial<ChannelValues>, tS = 0) => makePacket(T0 + tS * 1000, { ...drilling, ...values });
const cfg = defaultConfig();

describe('QualityGate', () => {
  it('passes a normal drilling packet', () => {
    const out = new QualityGate().check(pkt({}));
    expect(out.quality).toEqual({ level: 'ok', reasons: [] });
  });

  it('rejects a dead feed (all main channels zero) but not absent-vs-zero confusion', () => {
    const zeros = makePacket(T0, { bitDepthFt: 0, ropFtHr: 0, wobKlbf: 0, rpm: 0, torqueKftLbf: 0, sppPsi: 0, flowInGpm: 0, hookLoadKlbf: 80 });
    expect(assessPacket(zeros).level).toBe('invalid');
    expect(assessPacket(zeros).reasons[0]).toMatch(/dead feed/);
    expect(assessPacket(makePacket(T0, { hookLoadKlbf: 80 })).reasons[0]).toMatch(/no main channel/);
    // Only SPP sent, non-zero: alive. Absent flow-out is not a problem.
    expect(assessPacket(makePacket(T0, { sppPsi: 2500 })).level).toBe('ok');
  });

  it('blanks an implausible channel, keeps the rest, and says why (issue 11 item 10)', () => {
    const bad = assessPacket(pkt({ rpm: 612, mudWeightInPpg: 30 }));
    expect(bad.level).toBe('suspect');
    expect(bad.blanked).toEqual(['rpm', 'mudWeightInPpg']);
    expect(bad.reasons).toContain('rpm 612 above 500: blanked');
    expect(bad.reasons).toContain('mud weight in ppg 30 outside 0-25: blanked');
    const out = new QualityGate().check(pkt({ rpm: 612, ecdPpg: 0.25 }));
    expect(out.quality.level).toBe('suspect');
    expect(out.quality.blanked).toEqual(['rpm', 'ecdPpg']);
    expect(out.rpm).toBeNull();
    expect(out.ecdPpg).toBeNull();
    expect(out.wobKlbf).toBe(25);
    expect(out.sppPsi).toBe(3000);
    // 0 is "not sent" for mud weight and ECD, never blanked
    expect(assessPacket(pkt({ ecdPpg: 0, mudWeightInPpg: 0 })).level).toBe('ok');
    const sus = assessPacket(pkt({ flowInGpm: 0, flowOutGpm: 40, sppPsi: -3 }));
    expect(sus.level).toBe('suspect');
    expect(sus.blanked).toEqual([]);
    expect(sus.reasons).toEqual(expect.arrayContaining(['spp psi -3 below 0', 'flow out 40 gpm with flow in 0', 'flow in 0 while drilling']));
    expect(assessPacket(pkt({ bitDepthFt: 10_020 })).reasons[0]).toMatch(/below hole depth/);
    // pumps off while tripping is routine, not suspect
    expect(assessPacket(pkt({ flowInGpm: 0, flowOutGpm: 0, rpm: 0, ropFtHr: 0, wobKlbf: 0 })).level).toBe('ok');
  });

  it('a packet is invalid only with nothing usable or a broken time', () => {
    // Every main channel implausible: nothing left to use.
    const dead = assessPacket(makePacket(T0, { bitDepthFt: -50, ropFtHr: 5000, rpm: 900, hookLoadKlbf: 200 }));
    expect(dead.level).toBe('invalid');
    expect(dead.reasons[0]).toBe('dead feed: no usable main channel');
    expect(assessPacket(makePacket(0, { sppPsi: 2500 })).reasons).toEqual(['broken timestamp']);
    expect(assessPacket(makePacket(Number.NaN, { sppPsi: 2500 })).level).toBe('invalid');
    const g = new QualityGate();
    expect(g.check(pkt({}, 10)).quality.level).toBe('ok');
    const back = g.check(pkt({}, 4));
    expect(back.quality.level).toBe('invalid');
    expect(back.quality.reasons[0]).toBe('broken timestamp: 6 s before the previous packet');
    // A clock really set back is taken after 3 packets in a row.
    expect([5, 6].map((t) => g.check(pkt({}, t)).quality.level)).toEqual(['invalid', 'ok']);
    expect(g.stats).toMatchObject({ checked: 4, invalid: 2 });
  });

  it('clamps negatives to zero after quoting them', () => {
    const out = new QualityGate().check(pkt({ rpm: -2, torqueKftLbf: -1 }));
    expect(out.quality.level).toBe('suspect');
    expect(out.rpm).toBe(0);
    expect(out.torqueKftLbf).toBe(0);
    expect(out.quality.blanked).toBeUndefined();
  });

  it('blanks a hole-depth jump (the packet is kept), keeps the old reference, and rebases after 3 in a row', () => {
    const g = new QualityGate();
    expect(g.check(pkt({}, 0)).quality.level).toBe('ok');
    const jump = g.check(pkt({ holeDepthFt: 10_300, bitDepthFt: 10_000.2 }, 2));
    expect(jump.quality.level).toBe('suspect');
    expect(jump.quality.reasons[0]).toBe('hole depth jumped 300 ft in 2 s (limit 500 ft/hr): blanked');
    expect(jump.holeDepthFt).toBeNull();
    expect(jump.bitDepthFt).toBe(10_000.2);
    expect(jump.wobKlbf).toBe(25);
    expect(jump.quality.blanked).toEqual(['holeDepthFt']);
    // reference not moved by the refused depth: a normal next packet passes
    expect(g.check(pkt({ holeDepthFt: 10_000.3, bitDepthFt: 10_000.3 }, 3)).quality.level).toBe('ok');
    // a depth that stays at its new value is accepted after 3 packets
    const holes = [4, 5, 6, 7].map((t) => g.check(pkt({ holeDepthFt: 12_000, bitDepthFt: 10_000.3 }, t)).holeDepthFt);
    expect(holes).toEqual([null, null, 12_000, 12_000]);
    expect(g.stats.blankedByChannel).toEqual({ holeDepthFt: 3 });
    expect(g.stats.invalid).toBe(0);
  });

  it('allows tripping speed on bit depth but not a teleporting bit; blanks a big hole-depth drop', () => {
    const g = new QualityGate();
    g.check(pkt({ bitDepthFt: 5000, rpm: 0, flowInGpm: 0, flowOutGpm: 0, wobKlbf: 0, ropFtHr: 0 }, 0));
    expect(g.check(pkt({ bitDepthFt: 5090, rpm: 0, flowInGpm: 0, flowOutGpm: 0, wobKlbf: 0, ropFtHr: 0 }, 60)).quality.level).toBe('ok');
    const teleport = g.check(pkt({ bitDepthFt: 8000, rpm: 0, flowInGpm: 0, flowOutGpm: 0, wobKlbf: 0, ropFtHr: 0, sppPsi: 0, torqueKftLbf: 0 }, 61));
    // The bit depth was the only non-zero main channel: with it blanked nothing usable is left.
    expect(teleport.quality.level).toBe('invalid');
    expect(teleport.quality.reasons[0]).toBe('dead feed: all main channels zero');
    expect(teleport.quality.reasons[1]).toMatch(/bit depth moved 2910 ft/);
    const drop = g.check(pkt({ holeDepthFt: 9_900, bitDepthFt: 5090 }, 62));
    expect(drop.quality.reasons[0]).toMatch(/hole depth dropped 100 ft/);
    expect(drop.holeDepthFt).toBeNull();
    expect(drop.quality.level).toBe('suspect');
  });

  it('a negative bit depth (bit above the rig floor datum) is blanked, the packet kept', () => {
    const out = new QualityGate().check(pkt({ bitDepthFt: -16.4, rpm: 0, wobKlbf: 0, ropFtHr: 0, flowInGpm: 0, hookLoadKlbf: 150 }));
    expect(out.quality.level).toBe('suspect');
    expect(out.bitDepthFt).toBeNull();
    expect(out.hookLoadKlbf).toBe(150);
    expect(out.quality.reasons).toContain('bit depth ft -16.4 below 0: blanked');
  });
});

describe('RigStateClassifier', () => {
  const rs = () => new RigStateClassifier(cfg.thresholds.rig_state);
  const trip = { rpm: 0, flowInGpm: 0, wobKlbf: 0, ropFtHr: 0, holeDepthFt: 10_000 };

  it('drilling on bottom, reaming off bottom, circulating with no weight', () => {
    expect(rs().classify(pkt({}))).toBe('Drilling');
    expect(rs().classify(pkt({ bitDepthFt: 9_900 }))).toBe('Reaming');
    expect(rs().classify(pkt({ wobKlbf: 0, ropFtHr: 0 }))).toBe('Circulating');
  });

  it('tripping in and out by the direction of bit movement, holding through in-slips pauses', () => {
    const c = rs();
    expect(c.classify(pkt({ ...trip, bitDepthFt: 5000 }, 0))).toBe('Idle'); // no speed yet
    expect(c.classify(pkt({ ...trip, bitDepthFt: 5001 }, 1))).toBe('TrippingIn'); // 60 ft/min
    expect(c.classify(pkt({ ...trip, bitDepthFt: 5001 }, 60))).toBe('TrippingIn'); // in slips
    expect(c.classify(pkt({ ...trip, bitDepthFt: 5001 }, 400))).toBe('Idle'); // stopped for good
    const o = rs();
    o.classify(pkt({ ...trip, bitDepthFt: 5000 }, 0));
    expect(o.classify(pkt({ ...trip, bitDepthFt: 4998 }, 1))).toBe('TrippingOut');
  });

  it('connection: no rotation, pumps on, bit near bottom or still', () => {
    const c = rs();
    c.classify(pkt({ rpm: 0, wobKlbf: 0, ropFtHr: 0, bitDepthFt: 9_990 }, 0));
    expect(c.classify(pkt({ rpm: 0, wobKlbf: 0, ropFtHr: 0, bitDepthFt: 9_990 }, 1))).toBe('Connection');
    // idle: nothing turning, nothing pumping, bit still
    const i = rs();
    i.classify(pkt({ ...trip, bitDepthFt: 9_990 }, 0));
    expect(i.classify(pkt({ ...trip, bitDepthFt: 9_990 }, 1))).toBe('Idle');
  });

  it('does not call a feed gap tripping', () => {
    const c = rs();
    c.classify(pkt({ ...trip, bitDepthFt: 5000 }, 0));
    expect(c.classify(pkt({ ...trip, bitDepthFt: 6000 }, 3600))).toBe('Idle');
  });
});

describe('OperationClassifier', () => {
  const t = cfg.thresholds.operation_detection;
  const milling = { torqueKftLbf: 18, ropFtHr: 2, wobKlbf: 8, rpm: 80, flowInGpm: 400 };
  const cdo = { torqueKftLbf: 13, ropFtHr: 10, wobKlbf: 20, rpm: 80, flowInGpm: 400 };

  it('P&A-only states', () => {
    expect(operationOf(pkt(milling), 'plug_abandonment', t)).toBe('Milling');
    expect(operationOf(pkt(milling), 'production', t)).toBe('ProductionDrilling');
    expect(operationOf(pkt(cdo), 'plug_abandonment', t)).toBe('CementDrillOut');
    expect(operationOf(pkt(cdo), 'production', t)).toBe('ProductionDrilling');
    expect(operationOf(pkt({ rpm: 0, wobKlbf: 0 }), 'production', t)).toBe('Circulating');
    expect(operationOf(pkt({ rpm: 0, flowInGpm: 0 }), 'production', t)).toBe('Static');
  });

  it('adopts a new operation only after 3 agreeing packets', () => {
    const c = new OperationClassifier(t, 'production');
    expect(c.classify(pkt({}))).toBe('ProductionDrilling');
    const circ = pkt({ rpm: 0, wobKlbf: 0 });
    expect(c.classify(circ)).toBe('ProductionDrilling');
    expect(c.classify(pkt({}))).toBe('ProductionDrilling'); // breaks the run
    expect(c.classify(circ)).toBe('ProductionDrilling');
    expect(c.classify(circ)).toBe('ProductionDrilling');
    expect(c.classify(circ)).toBe('Circulating');
  });
});
