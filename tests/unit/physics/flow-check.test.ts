import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket, type RigState } from '../../../src-shared/wits.js';
import { detectFlowWithPumpsOff, emptyDetectorInputs, type DetectorInputs } from '../../../src-main/physics/detectors.js';
import { PhysicsEngine } from '../../../src-main/physics/engine.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';

const cfg = defaultConfig();
const th = thresholdsFor(cfg, 'production');
const x = (v: Partial<DetectorInputs>): DetectorInputs => ({ ...emptyDetectorInputs(), ...v });

describe('flow check with the pumps off (detector)', () => {
  it('says nothing during the flow-back or without a flow-out sensor', () => {
    expect(detectFlowWithPumpsOff(x({ pumpsOffSettledS: null, flowOutPumpsOffGpm: 60 }), th)).toBeNull();
    expect(detectFlowWithPumpsOff(x({ pumpsOffSettledS: 200, flowOutPumpsOffGpm: null }), th)).toBeNull();
    expect(detectFlowWithPumpsOff(x({ pumpsOffSettledS: 200, flowOutPumpsOffGpm: 8 }), th)).toBeNull();
  });
  it('warns above the flow warning, goes critical above the critical flow or with the pits gaining', () => {
    expect(detectFlowWithPumpsOff(x({ pumpsOffSettledS: 200, flowOutPumpsOffGpm: 14 }), th)?.level).toBe('WARNING');
    expect(detectFlowWithPumpsOff(x({ pumpsOffSettledS: 200, flowOutPumpsOffGpm: 25 }), th)?.level).toBe('CRITICAL');
    const withPit = detectFlowWithPumpsOff(x({ pumpsOffSettledS: 200, flowOutPumpsOffGpm: 14, pitGainPumpsOffBbl: 6 }), th);
    expect(withPit?.level).toBe('CRITICAL');
    expect(withPit?.fault).toBe('kick');
    expect(withPit?.description).toContain('pit +6.0 bbl since the flow-back');
  });
});

describe('flow check with the pumps off (engine)', () => {
  function lastDetections(state: RigState, flowOutGpm: number) {
    const e = new PhysicsEngine();
    const h = new HistoryBuffer<HistoryEntry>(60);
    let last: ReturnType<PhysicsEngine['analyze']> | null = null;
    const pumping = { bitDepthFt: 10000, holeDepthFt: 10000, flowInGpm: 500, flowOutGpm: 500, pitVolumeBbl: 500 };
    for (let i = 0; i < 400; i++) {
      // 60 s pumping, then pumps off; returns come back from 200 s on
      const v = i < 60 ? pumping : { ...pumping, flowInGpm: 0, flowOutGpm: i < 200 ? 0 : flowOutGpm };
      const p = makePacket(i * 1000, v);
      p.rigState = i < 60 ? 'Circulating' : state;
      last = e.analyze(p, h, { config: cfg, thresholds: th, operation: 'Static' });
      h.push({ packet: p, metrics: last.metrics, anomalous: last.detections.length > 0 });
    }
    return last!.detections;
  }
  it('in the slips (Idle or Connection) a flowing well is a kick', () => {
    expect(lastDetections('Idle', 30).map((d) => d.fault)).toContain('kick');
    expect(lastDetections('Connection', 30).map((d) => d.fault)).toContain('kick');
    expect(lastDetections('TrippingOut', 30).map((d) => d.fault)).toContain('kick');
  });
  it('running pipe in displaces mud out: returns then are not a kick', () => {
    expect(lastDetections('TrippingIn', 30)).toEqual([]);
  });
  it('a static well stays quiet', () => {
    expect(lastDetections('Idle', 0)).toEqual([]);
  });
});
