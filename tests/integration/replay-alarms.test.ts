// The replay report carries the alarm events and the EEMUA 191 figures (issue 12), computed from
// the engine's own alarmEvent transitions: on the simulator's kick they agree with the pure
// pipeline's transitions, and the kick is one event that sounded once.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { alarmFigures } from '../../src-main/advisory/alarm-figures.js';
import { replayPackets } from '../../src-main/pipeline/replay.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { runScenario } from '../support/run-scenario.js';

describe('replay report: events and alarm figures', () => {
  it('lists the events and counts the alarms as the pipeline raised them', async () => {
    const sim = createSimulation({ scenario: 'kick', seed: 1 });
    const packets = [...sim].map((s) => makePacket(s.timeMs, s.values));
    const report = await replayPackets(packets, { config: defaultConfig(), speed: 'max' });
    const pure = runScenario('kick', { seed: 1 });
    const fromMs = packets[0].timeMs;
    const toMs = packets[packets.length - 1].timeMs;
    expect(report.alarms).toEqual(alarmFigures(pure.transitions, fromMs, toMs));
    expect(report.alarms.events).toBe(report.events.length);
    expect(report.alarms.alarms).toBe(report.events.reduce((n, e) => n + e.alarms, 0));
    expect(report.alarms.peakAlarmsIn10Min).toBeGreaterThanOrEqual(1);
    const kick = report.events.filter((e) => e.fault === 'kick');
    expect(kick).toHaveLength(1);
    expect(kick[0]).toMatchObject({ alarms: 1, worstRiskLevel: 'Critical', reopened: 0 });
    expect(kick[0].advisories).toBe(report.advisories.filter((a) => a.fault === 'kick').length);
    expect(kick[0].cleared).not.toBeNull(); // the kick ended inside the recording
    expect(report.events.map((e) => e.opened)).toEqual([...report.events.map((e) => e.opened)].sort());
  });
});
