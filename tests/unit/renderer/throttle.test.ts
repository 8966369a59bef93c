import { describe, expect, it } from 'vitest';
import { createThrottle, type TimerFns } from '../../../src-renderer/lib/throttle.js';
import { STATUS_UPDATE_INTERVAL_MS } from '../../../src-renderer/store/connect.js';

/** A manual clock: timers fire only when advanced. */
function fakeTimers(): TimerFns & { advance(ms: number): void } {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        now = due[1].at;
        timers.delete(due[0]);
        due[1].fn();
      }
      now = end;
    },
  };
}

describe('status throttle', () => {
  it('the store limits live updates to at most 4 per second', () => {
    expect(1000 / STATUS_UPDATE_INTERVAL_MS).toBeLessThanOrEqual(4);
  });

  it('delivers at most one update per interval from a 10 Hz stream, always the latest', () => {
    const t = fakeTimers();
    const got: number[] = [];
    const th = createThrottle<number>((v) => got.push(v), 250, t);
    for (let i = 0; i < 30; i++) {
      th.push(i);
      t.advance(100); // 10 packets per second for 3 s
    }
    expect(got.length).toBeLessThanOrEqual(13); // 3 s / 250 ms + first
    expect(got.length).toBeGreaterThanOrEqual(11);
    expect(got[got.length - 1]).toBe(29);
    t.advance(1000);
    expect(got[got.length - 1]).toBe(29);
  });

  it('delivers the first value at once and a trailing value after the interval', () => {
    const t = fakeTimers();
    const got: string[] = [];
    const th = createThrottle<string>((v) => got.push(v), 250, t);
    th.push('a');
    expect(got).toEqual(['a']);
    th.push('b');
    th.push('c');
    expect(got).toEqual(['a']);
    t.advance(250);
    expect(got).toEqual(['a', 'c']);
  });

  it('dispose drops the pending value', () => {
    const t = fakeTimers();
    const got: number[] = [];
    const th = createThrottle<number>((v) => got.push(v), 250, t);
    th.push(1);
    th.push(2);
    th.dispose();
    t.advance(1000);
    expect(got).toEqual([1]);
  });
});
