import { describe, expect, it } from 'vitest';
import { FleetEventSchema } from '../../../src-shared/fleet.js';
import { makePacket } from '../../../src-shared/wits.js';
import { buildFleetEvent, fleetEventId, safeRigId } from '../../../src-main/fleet/fleet-event.js';
import { snapshotOf } from '../../../src-main/fleet/snapshot.js';
import { makeAdvisory, makeMetrics } from '../storage/fixtures.js';
import { T0, makeSnapshot } from './fixtures.js';

const who = { rigId: 'F-7 (North)', wellId: 'NO 15/9-F-7', field: 'Volve' };

describe('fleet event builder', () => {
  it('makes ids safe for files and URLs, prefixed by the rig', () => {
    expect(safeRigId('F-7 (North)')).toBe('F-7-North');
    expect(safeRigId('  ')).toBe('RIG');
    expect(safeRigId('../etc')).toBe('etc');
    expect(fleetEventId('F-7 (North)', 'ADV-0000abcd')).toBe('F-7-North-ADV-0000abcd');
  });

  it('turns a confirmed AMBER/RED advisory and its window into a valid FleetEvent', () => {
    const a = makeAdvisory({ timeMs: T0, riskLevel: 'High', depthFt: 7579 });
    const window = [makeSnapshot(T0 - 2000), makeSnapshot(T0 - 1000)];
    const e = buildFleetEvent(a, window, who)!;
    expect(FleetEventSchema.safeParse(e).success).toBe(true);
    expect(e).toMatchObject({ id: `F-7-North-${a.id}`, rigId: 'F-7-North', wellId: who.wellId, field: 'Volve', timeMs: T0, depthFt: 7579, riskLevel: 'High', outcome: { kind: 'Pending' }, notes: '' });
    expect(e.historyWindow).toEqual(window);
    expect(e.advisory).toBe(a);
  });

  it('takes no GREEN or unconfirmed advisory, and never sends an empty window', () => {
    expect(buildFleetEvent(makeAdvisory({ riskLevel: 'Low' }), [], who)).toBeNull();
    const a = makeAdvisory({ riskLevel: 'Critical' });
    expect(buildFleetEvent({ ...a, physicsVerdict: { ...a.physicsVerdict, status: 'Uncertain' } }, [], who)).toBeNull();
    const e = buildFleetEvent(a, [], who)!;
    expect(e.historyWindow).toHaveLength(1);
    expect(e.historyWindow[0]).toMatchObject({ timeMs: a.timeMs, flowBalanceGpm: a.metrics.flowBalanceGpm, sppPsi: null });
    expect(FleetEventSchema.safeParse(e).success).toBe(true);
  });

  it('keeps the last 3,600 snapshots of a longer window', () => {
    const window = Array.from({ length: 4000 }, (_, i) => makeSnapshot(T0 + i));
    const e = buildFleetEvent(makeAdvisory({ riskLevel: 'Elevated' }), window, who)!;
    expect(e.historyWindow).toHaveLength(3600);
    expect(e.historyWindow[0].timeMs).toBe(T0 + 400);
  });
});

describe('snapshot of a history entry', () => {
  it('takes channels from the packet and physics from the metrics; no reading stays null', () => {
    const p = makePacket(T0, { holeDepthFt: 7600, ropFtHr: 35, sppPsi: Number.NaN, gasUnits: 12 });
    const s = snapshotOf(p, makeMetrics(T0));
    expect(s).toMatchObject({ timeMs: T0, depthFt: 7600, ropFtHr: 35, sppPsi: null, wobKlbf: null, gasUnits: 12, flowBalanceGpm: 25, mseEfficiencyPercent: 83 });
  });
});
