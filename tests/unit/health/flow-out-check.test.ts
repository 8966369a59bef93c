// The flow-out health line's wording and weight for each state, and the wait before "pits only".
import { describe, expect, it } from 'vitest';
import { flowOutNoteText, type FlowOutStatus, type PaddleStatus } from '../../../src-shared/flow-out.js';
import { FlowOutCheck, PITS_ONLY_AFTER_MS } from '../../../src-main/health/checks/flow-out-check.js';

const paddle = (p: Partial<PaddleStatus>): FlowOutStatus => ({ source: 'paddle', paddle: { state: 'calibrated', learnedS: 120, learnS: 120, ratesCalibrated: 3, minPercent: 5, ...p } });

describe('FlowOutCheck', () => {
  it('says each state in the driller\'s words, learning as a mode (info), pits only as a warning', () => {
    let f: FlowOutStatus = paddle({});
    const check = new FlowOutCheck(() => 0, () => f);
    expect(check.check()).toMatchObject({ status: 'healthy', reason: 'Flow out from paddle %: calibrated (3 pump rates)' });
    f = paddle({ state: 'holding' });
    expect(check.check()).toMatchObject({ status: 'healthy', reason: 'Flow out from paddle %: calibrated, learning held while the flow balance stands out (a gain or loss is not calibrated away)' });
    f = paddle({ state: 'pumps-off', ratesCalibrated: 1 });
    expect(check.check()).toMatchObject({ status: 'healthy', reason: 'Flow out from paddle %: pumps off (1 pump rate calibrated)' });
    f = paddle({ state: 'learning', learnedS: 45.6 });
    expect(check.check()).toEqual({
      status: 'degraded',
      reason: 'Flow out from paddle %: learning this pump rate (45 of 120 s): flow-based kick detection starts when learned; pits are watched meanwhile',
      flags: { flowOutLearning: true },
      mode: true,
    });
    f = paddle({ state: 'unusable' });
    const fresh = new FlowOutCheck(() => 0, () => f);
    expect(fresh.check()).toEqual({
      status: 'degraded',
      reason: 'Flow out from paddle %: paddle reads under 5 % with the pumps on, not used: kick and loss are judged on pits only; check the paddle',
      flags: { pitsOnly: true },
    });
  });

  it('a lost flow out shows after PITS_ONLY_AFTER_MS, not on the first packet without it', () => {
    let now = 0;
    let f: FlowOutStatus = { source: 'meter', paddle: null };
    const check = new FlowOutCheck(() => now, () => f);
    expect(check.check().status).toBe('healthy');
    f = { source: 'none', paddle: null };
    expect(check.check()).toMatchObject({ status: 'healthy', reason: 'Flow out from the flow-out meter (gpm): flow-based kick and loss detection live' });
    now = PITS_ONLY_AFTER_MS - 1;
    expect(check.check().status).toBe('healthy');
    now = PITS_ONLY_AFTER_MS;
    expect(check.check()).toMatchObject({ status: 'degraded', reason: 'No flow-out sensor: kick and loss are judged on pits only', flags: { pitsOnly: true } });
    // Back: at once, and the wait starts over next time.
    f = { source: 'meter', paddle: null };
    expect(check.check().status).toBe('healthy');
    f = { source: 'none', paddle: null };
    expect(check.check().status).toBe('healthy');
  });

  it('the tiles\' note: a few words per state', () => {
    expect(flowOutNoteText(paddle({ state: 'learning', learnedS: 45.7 }))).toBe('learning 45/120 s');
    expect(flowOutNoteText(paddle({}))).toBe('paddle calibrated');
    expect(flowOutNoteText(paddle({ state: 'holding' }))).toBe('calibration held');
    expect(flowOutNoteText(paddle({ state: 'unusable' }))).toBe('paddle under 5 %');
    expect(flowOutNoteText(paddle({ state: 'pumps-off' }))).toBe('paddle, pumps off');
    expect(flowOutNoteText({ source: 'meter', paddle: null })).toBe('flow-out meter');
    expect(flowOutNoteText({ source: 'none', paddle: null })).toBe('no flow out');
  });
});
