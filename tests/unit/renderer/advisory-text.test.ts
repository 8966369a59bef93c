import { describe, expect, it } from 'vitest';
import { actionLine, oneLine } from '../../../src-renderer/lib/advisory-text.js';

describe('actionLine', () => {
  it('takes the text up to the first colon', () => {
    expect(
      actionLine('Flow-check now: stop drilling, pick up off bottom, stop the pumps and watch the well (flow out 587 gpm). Check the trip tank.'),
    ).toBe('Flow-check now');
  });

  it('takes the first sentence when there is no earlier colon', () => {
    expect(actionLine('Stop drilling, pick up off bottom, shut down pumps and flow check')).toBe('Stop drilling, pick up off bottom, shut down pumps and flow check');
    expect(actionLine('Reduce WOB to 22.5 klbf. Watch torque: it should settle.')).toBe('Reduce WOB to 22.5 klbf');
  });

  it('does not cut at a decimal point', () => {
    expect(actionLine('Raise mud weight to 12.4 ppg and circulate')).toBe('Raise mud weight to 12.4 ppg and circulate');
  });

  it('falls back to the whole text when the first clause is empty', () => {
    expect(actionLine(': nothing before the colon')).toBe(': nothing before the colon');
    expect(actionLine('')).toBe('');
  });
});

describe('oneLine', () => {
  it('collapses newlines and spaces', () => {
    expect(oneLine('Possible kick:\n  flow out 587 gpm\tvs in 550 gpm ')).toBe('Possible kick: flow out 587 gpm vs in 550 gpm');
  });
});
