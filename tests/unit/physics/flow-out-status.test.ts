// What the engine says about its flow out, packet by packet (metrics.flowOut): the meter, the
// paddle learning a pump rate then calibrated, learning held while a kick's balance stands out,
// a paddle under its floor, pumps off, and no sensor at all. Driven through the real PhysicsEngine.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { FlowOutStatus } from '../../../src-shared/flow-out.js';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';
import { PhysicsEngine } from '../../../src-main/physics/engine.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { PADDLE_LEARN_S } from '../../../src-main/physics/trackers/paddle-calibration.js';

const cfg = defaultConfig();
const th = thresholdsFor(cfg, 'production');
/** A non-linear paddle: percent of a 1,500 gpm full scale. */
const percentAt = (returnsGpm: number) => 100 * (Math.max(0, returnsGpm) / 1500) ** 0.85;

interface Seen {
  flowOut: FlowOutStatus;
  balanceGpm: number | null;
}

/** One rig, 1 Hz, circulating: each call feeds `seconds` of packets and returns what each said. */
function rig() {
  const engine = new PhysicsEngine();
  const history = new HistoryBuffer<HistoryEntry>(600);
  let t = 0;
  return (seconds: number, values: (s: number) => Partial<ChannelValues>): Seen[] => {
    const seen: Seen[] = [];
    for (let s = 0; s < seconds; s++, t++) {
      const p = makePacket(t * 1000, { bitDepthFt: 9000, holeDepthFt: 10000, pitVolumeBbl: 800, ...values(s) });
      p.rigState = (p.flowInGpm ?? 0) > 0 ? 'Circulating' : 'Idle';
      const r = engine.analyze(p, history, { config: cfg, thresholds: th, operation: 'Static' });
      history.push({ packet: p, metrics: r.metrics, anomalous: r.detections.length > 0 });
      seen.push({ flowOut: r.metrics.flowOut as FlowOutStatus, balanceGpm: r.metrics.flowBalanceGpm });
    }
    return seen;
  };
}

/** The paddle's returns with a gpm of noise, as a paddle has. */
const paddle = (flowInGpm: number, extraGpm = 0) => (s: number) => ({ flowInGpm, flowOutPercent: percentAt(flowInGpm + extraGpm + Math.sin(s / 3)) });
const states = (seen: Seen[]) => [...new Set(seen.map((x) => x.flowOut.paddle?.state))];

describe('flow-out status (engine, per packet)', () => {
  it('a paddle: learning each new pump rate for 120 s of steady pumping, then calibrated; no flow balance while learning', () => {
    const feed = rig();
    const first = feed(30 + PADDLE_LEARN_S + 20, paddle(600));
    expect(first.every((x) => x.flowOut.source === 'paddle')).toBe(true);
    // The pumps settle (30 s), then the seconds count up: learning, no flow balance.
    const learning = first.filter((x) => x.flowOut.paddle?.state === 'learning');
    expect(learning.length).toBeGreaterThan(PADDLE_LEARN_S);
    expect(learning.every((x) => x.balanceGpm === null)).toBe(true);
    const counted = learning.map((x) => x.flowOut.paddle?.learnedS as number);
    expect(counted).toEqual([...counted].sort((a, b) => a - b));
    expect(counted.at(-1)).toBeGreaterThanOrEqual(PADDLE_LEARN_S - 1);
    expect(counted.at(-1)).toBeLessThan(PADDLE_LEARN_S);
    expect(first.at(-1)?.flowOut.paddle).toMatchObject({ state: 'calibrated', ratesCalibrated: 1, learnS: PADDLE_LEARN_S });
    expect(Math.abs(first.at(-1)?.balanceGpm as number)).toBeLessThan(5);

    // A new pump rate (600 -> 900 gpm): learned anew, the first rate kept.
    const second = feed(30 + 45, paddle(900));
    expect(second.at(-1)?.flowOut.paddle).toMatchObject({ state: 'learning', ratesCalibrated: 1 });
    expect(second.at(-1)?.flowOut.paddle?.learnedS).toBeGreaterThan(40);
    expect(second.at(-1)?.flowOut.paddle?.learnedS).toBeLessThanOrEqual(45);
    expect(second.at(-1)?.balanceGpm).toBeNull();
    const learned = feed(PADDLE_LEARN_S, paddle(900));
    expect(learned.at(-1)?.flowOut.paddle).toMatchObject({ state: 'calibrated', ratesCalibrated: 2 });

    // Back to 600 gpm: its calibration is used again at once, no learning.
    const back = feed(40, paddle(600));
    expect(states(back.slice(1))).toEqual(['calibrated']);
  });

  it('holds learning while a kick builds (the balance stands out), calibrated again once the well is quiet', () => {
    const feed = rig();
    const before = feed(30 + PADDLE_LEARN_S + 300, paddle(900));
    const quietGpm = Math.max(...before.slice(-120).map((x) => Math.abs(x.balanceGpm as number)));
    expect(states(before.slice(-120))).toEqual(['calibrated']);
    // A 60 gpm influx ramped over 5 minutes.
    const kick = feed(600, (s) => paddle(900, Math.min(60, (60 * s) / 300))(s));
    const firstHeld = kick.findIndex((x) => x.flowOut.paddle?.state === 'holding');
    expect(firstHeld).toBeGreaterThan(0);
    expect(kick[firstHeld].balanceGpm as number).toBeGreaterThan(quietGpm);
    // Held from then on while the influx stands: the kick is read, not calibrated away.
    expect(states(kick.slice(firstHeld))).toEqual(['holding']);
    expect(kick.at(-1)?.balanceGpm as number).toBeGreaterThan(45);
    const quiet = feed(120, paddle(900));
    expect(quiet.at(-1)?.flowOut.paddle?.state).toBe('calibrated');
  });

  it('a paddle under 5 % at steady pumps is unusable (pits only); pumps off is not a fault', () => {
    const feed = rig();
    feed(30 + PADDLE_LEARN_S + 10, paddle(600));
    const low = feed(40, () => ({ flowInGpm: 600, flowOutPercent: 2 }));
    expect(low.at(-1)?.flowOut.paddle).toMatchObject({ state: 'unusable', minPercent: 5 });
    expect(low.at(-1)?.balanceGpm).toBeNull();
    const off = feed(20, () => ({ flowInGpm: 0, flowOutPercent: 0 }));
    expect(off.at(-1)?.flowOut.paddle).toMatchObject({ state: 'pumps-off', ratesCalibrated: 1 });
    // Pumps back on, the paddle catching up from rest: learning while the rate settles, not a fault.
    const start = feed(3, (s) => ({ flowInGpm: 600, flowOutPercent: s === 0 ? 1 : percentAt(600) }));
    expect(start[0].flowOut.paddle?.state).toBe('learning');
  });

  it('a flow-out meter is the meter; no flow-out channel at all is none', () => {
    const feed = rig();
    expect(feed(5, () => ({ flowInGpm: 600, flowOutGpm: 600, flowOutPercent: 40 })).at(-1)?.flowOut).toEqual({ source: 'meter', paddle: null });
    expect(feed(5, () => ({ flowInGpm: 600 })).at(-1)?.flowOut).toEqual({ source: 'none', paddle: null });
  });
});
