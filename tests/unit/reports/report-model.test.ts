import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../src-main/reports/model/report-model.js';
import { HOUR, T0, context, records } from './model-fixture.js';

describe('the report model', () => {
  const r = records();
  const m = buildReportModel(r, context());

  it('names the well, period and kind', () => {
    expect(m).toMatchObject({ kind: 'shift', title: 'Shift report', well: { name: 'Grane Å-12' }, generatedAtMs: T0 + 6 * HOUR + 5000 });
    expect(m.period.label).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} to \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('works out depth drilled and ROP over drilling time', () => {
    expect(m.drilling).toMatchObject({ depthStartFt: 10_000, depthEndFt: 10_450, drilledFt: 450, drillingHours: 3, avgRopFtHr: 150, avgMseEfficiencyPercent: 78 });
    expect(m.rigStates.find((s) => s.state === 'Drilling')).toMatchObject({ seconds: 10_800, percent: 50 });
  });

  it('lists advisories with their acknowledgements, and what is left unacknowledged', () => {
    expect(m.advisories.map((a) => a.acks.length)).toEqual([1, 0, 0]);
    expect(m.advisories[0].acks[0]).toMatchObject({ actor: 'Ola Nordmann', notes: 'Brønnen er stille, ingen gevinst' });
    expect(m.unacknowledgedIds).toEqual([r.advisories[1].id, r.advisories[2].id]);
    expect(m.events).toHaveLength(2);
    expect(m.advisories[1].eventKey).toBe(r.advisories[0].id);
    expect(m.unacknowledgedEventKeys).toEqual([r.advisories[2].id]);
    expect(m.acknowledgements).toBe(1);
    expect(m.alarmRate).toMatchObject({ source: 'grouped-advisories', events: 2, alarms: 3 });
  });

  it('takes changes from the audit log, baseline events apart, acknowledgements left out', () => {
    expect(m.changes.map((c) => c.kind)).toEqual(['config-change']);
    expect(m.baseline.events.map((c) => c.kind)).toEqual(['baseline-lock']);
    expect(m.baseline.mode).toBe('locked');
  });

  it('finds the 10-minute feed outage and says there is no ML report', () => {
    expect(m.feed.outages).toEqual([{ fromMs: T0 + 100 * 60_000, toMs: T0 + 110 * 60_000, missingPackets: 600, approxSeconds: 600 }]);
    expect(m.feed.packetIntervalS).toBe(1);
    expect(m.ml.note).toBe('no ML report in this period');
  });
});
