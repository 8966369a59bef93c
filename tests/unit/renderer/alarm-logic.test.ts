import { describe, expect, it } from 'vitest';
import { INITIAL_ALARM, alarmStep, shouldSound, silence } from '../../../src-renderer/lib/alarm-logic.js';

const none = new Set<string>();
const crit = (id: string) => ({ advisoryId: id, critical: true });

describe('alarm re-arm logic', () => {
  it('sounds for a critical advisory and not for a non-critical one', () => {
    expect(shouldSound(alarmStep(INITIAL_ALARM, crit('ADV-1'), none))).toBe(true);
    expect(shouldSound(alarmStep(INITIAL_ALARM, { advisoryId: 'ADV-1', critical: false }, none))).toBe(false);
    expect(shouldSound(alarmStep(INITIAL_ALARM, { advisoryId: null, critical: false }, none))).toBe(false);
  });

  it('stays silent for the same advisory after Silence, including its LLM enrichment (same id)', () => {
    let s = alarmStep(INITIAL_ALARM, crit('ADV-1'), none);
    s = silence(s);
    expect(shouldSound(s)).toBe(false);
    s = alarmStep(s, crit('ADV-1'), none);
    expect(shouldSound(s)).toBe(false);
  });

  it('re-arms on the next NEW critical advisory id', () => {
    let s = silence(alarmStep(INITIAL_ALARM, crit('ADV-1'), none));
    s = alarmStep(s, crit('ADV-2'), none);
    expect(shouldSound(s)).toBe(true);
    expect(s.silencedId).toBeNull();
  });

  it('re-arms when the silenced advisory clears and a new critical one comes later', () => {
    let s = silence(alarmStep(INITIAL_ALARM, crit('ADV-1'), none));
    s = alarmStep(s, { advisoryId: null, critical: false }, none);
    expect(shouldSound(s)).toBe(false);
    s = alarmStep(s, crit('ADV-3'), none);
    expect(shouldSound(s)).toBe(true);
  });

  it('stops once the advisory is acknowledged', () => {
    const s = alarmStep(alarmStep(INITIAL_ALARM, crit('ADV-1'), none), crit('ADV-1'), new Set(['ADV-1']));
    expect(shouldSound(s)).toBe(false);
  });

  it('Silence with nothing sounding changes nothing', () => {
    expect(silence(INITIAL_ALARM)).toEqual(INITIAL_ALARM);
  });
});
