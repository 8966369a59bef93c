import { describe, expect, it } from 'vitest';
import { ShiftReportWriter } from '../../../src-main/reports/shift-report-writer.js';

const at = (d: number, h: number, m = 0) => new Date(2025, 0, d, h, m).getTime();

function writer(hours = [6, 18], enabled = () => true) {
  const written: [number, number][] = [];
  let h = hours;
  const w = new ShiftReportWriter({ hours: () => h, enabled, write: (from, to) => written.push([from, to]) });
  return { w, written, setHours: (x: number[]) => (h = x) };
}

describe('the automatic shift report', () => {
  it('writes the shift that ended when data time crosses a change, once', () => {
    const { w, written } = writer();
    for (let t = at(1, 16); t <= at(2, 7); t += 60_000) w.observe(t);
    expect(written).toEqual([[at(1, 6), at(1, 18)], [at(1, 18), at(2, 6)]]);
  });

  it('writes one report when the data jumps over a change (feed outage)', () => {
    const { w, written } = writer();
    w.observe(at(1, 17));
    w.observe(at(1, 19));
    w.observe(at(1, 20));
    expect(written).toEqual([[at(1, 6), at(1, 18)]]);
  });

  it('re-arms when time goes back (a new replay) and when the shift hours change', () => {
    const { w, written, setHours } = writer();
    w.observe(at(1, 17));
    w.observe(at(1, 10)); // replay restarted earlier
    w.observe(at(1, 12));
    expect(written).toEqual([]);
    setHours([0, 12]);
    w.observe(at(1, 12, 30)); // re-armed for 00:00 next day
    w.observe(at(2, 0, 1));
    expect(written).toEqual([[at(1, 12), at(2, 0)]]);
  });

  it('does nothing when switched off', () => {
    const { w, written } = writer([6, 18], () => false);
    for (let t = at(1, 16); t <= at(2, 7); t += 600_000) w.observe(t);
    expect(written).toEqual([]);
  });
});
