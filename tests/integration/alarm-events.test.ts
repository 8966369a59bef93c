// Alarm events through the whole engine on the simulator's kick: one kick event, one alarm, one
// acknowledgement (no alarm after it at the same risk), cleared within the configured time after
// the kick ends; its timeline and the acknowledgement are stored and readable over the Bridge.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import type { EventTransition } from '../../src-shared/events.js';
import { makePacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

describe('alarm events on a simulated kick', () => {
  it('one event, one alarm, one acknowledgement, cleared after the kick', async () => {
    const config = defaultConfig();
    const storage = new MemoryStore();
    const engine = createEngine(config, { storage, healthIntervalMs: 0 });
    await engine.start();
    const seen: EventTransition[] = [];
    engine.on('alarmEvent', (e) => seen.push(e.transition));

    const sim = createSimulation({ scenario: 'kick', seed: 1 });
    const fault = sim.groundTruth().faults[0];
    const onsetMs = Date.parse(fault.onset);
    const endMs = Date.parse(fault.end);
    let acknowledgedAtMs: number | null = null;
    let kickEventId: string | null = null;
    for (const s of sim) {
      engine.ingest(makePacket(s.timeMs, s.values));
      if (kickEventId === null) {
        const ev = engine.status().events.find((e) => e.fault === 'kick');
        if (ev) kickEventId = ev.id;
      }
      // The driller acknowledges two minutes into the event.
      if (kickEventId && acknowledgedAtMs === null && s.timeMs > onsetMs + 180_000) {
        await new Promise((r) => setTimeout(r, 20)); // let the queued saves land
        const r = await engine.call('acknowledgeEvent', { eventId: kickEventId, actor: 'Night driller', action: 'flow check, shut in', notes: 'pits +6 bbl' });
        expect(r.ok).toBe(true);
        acknowledgedAtMs = s.timeMs;
      }
    }
    await new Promise((r) => setTimeout(r, 50));

    const kick = seen.filter((t) => t.fault === 'kick');
    expect(kick.filter((t) => t.kind === 'raised')).toHaveLength(1);
    expect(kick.filter((t) => t.alarm)).toHaveLength(1);
    // Later advisories update the event (the escalation to Critical among them) without sounding again.
    expect(kick.filter((t) => (t.kind === 'updated' || t.kind === 'escalated') && !t.alarm).length).toBeGreaterThanOrEqual(1);
    // After the acknowledgement: no alarm for the kick at the same risk.
    expect(kick.filter((t) => t.alarm && t.timeMs > (acknowledgedAtMs as number))).toEqual([]);
    const cleared = kick.find((t) => t.kind === 'cleared');
    expect(cleared).toBeDefined();
    const clearWindowMs = (config.alarms.well_control_clear_after_s + 60) * 1000;
    expect((cleared as EventTransition).timeMs).toBeLessThanOrEqual(endMs + clearWindowMs);
    expect((cleared as EventTransition).timeMs).toBeGreaterThan(endMs - 60_000);
    // Acknowledged while active, then cleared: back to normal, nothing left to act on.
    expect(kick.some((t) => t.kind === 'normal')).toBe(true);
    expect(engine.status().events.find((e) => e.fault === 'kick')).toBeUndefined();

    const timeline = await engine.call('getEventTimeline', { eventId: kickEventId as string });
    expect(timeline.ok).toBe(true);
    if (timeline.ok) {
      expect(timeline.value.transitions.map((t) => t.kind)).toEqual(expect.arrayContaining(['raised', 'acknowledged', 'cleared', 'normal']));
      expect(timeline.value.acknowledgements[0]).toMatchObject({ actor: 'Night driller', action: 'flow check, shut in', eventId: kickEventId });
      expect(timeline.value.event.state).toBe('normal');
    }
    const advisories = await engine.call('getHistory', { limit: 1000 });
    const kickAdvisories = advisories.ok ? advisories.value.filter((a) => a.fault === 'kick') : [];
    // Several advisories (first warning, escalation, refreshes), all members of the one event.
    expect(kickAdvisories.length).toBeGreaterThanOrEqual(2);
    expect(new Set(kickAdvisories.map((a) => a.eventId))).toEqual(new Set([kickEventId]));
    await engine.dispose();
  });

  it('a critical well-control event cannot be shelved; the refusal says why', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0 });
    await engine.start();
    for (const s of createSimulation({ scenario: 'kick', seed: 2, durationS: 1500 })) engine.ingest(makePacket(s.timeMs, s.values));
    const kick = engine.status().events.find((e) => e.fault === 'kick');
    expect(kick?.worstRiskLevel).toBe('Critical');
    const r = await engine.call('shelveEvent', { eventId: kick!.id, actor: 'Toolpusher', reason: 'nuisance', durationS: 600 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/critical well-control event cannot be shelved/);
    await engine.dispose();
  });
});
