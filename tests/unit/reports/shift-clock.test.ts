import { describe, expect, it } from 'vitest';
import { nextShiftStart, shiftStartAt } from '../../../src-shared/shift-clock.js';

// Local time, as the cabin clock shows it: build the expectations with the same local calendar.
const at = (d: number, h: number, m = 0) => new Date(2025, 0, d, h, m).getTime();

describe('shift boundaries from reports.shift_start_hours', () => {
  it('finds the shift a time falls in with 06:00 and 18:00 changes', () => {
    expect(shiftStartAt(at(10, 7, 30), [6, 18])).toBe(at(10, 6));
    expect(shiftStartAt(at(10, 18), [6, 18])).toBe(at(10, 18));
    expect(shiftStartAt(at(10, 23, 59), [6, 18])).toBe(at(10, 18));
    // after midnight the night shift started yesterday evening
    expect(shiftStartAt(at(10, 2), [6, 18])).toBe(at(9, 18));
  });

  it('finds the next change strictly after a time', () => {
    expect(nextShiftStart(at(10, 7), [6, 18])).toBe(at(10, 18));
    expect(nextShiftStart(at(10, 18), [6, 18])).toBe(at(11, 6));
    expect(nextShiftStart(at(10, 5, 59), [18, 6])).toBe(at(10, 6));
  });

  it('handles three shifts and a single daily change', () => {
    expect(shiftStartAt(at(10, 15), [0, 8, 16])).toBe(at(10, 8));
    expect(nextShiftStart(at(10, 23), [0, 8, 16])).toBe(at(11, 0));
    expect(shiftStartAt(at(10, 5), [6])).toBe(at(9, 6));
    expect(nextShiftStart(at(10, 6), [6])).toBe(at(11, 6));
  });
});
