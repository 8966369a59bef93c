// A feed that sends 0 for a channel it has no sensor for (issue 11 item 9), through the whole
// engine: the flow out the rig does not have is taken as not fitted, named in health, and the
// physics never reads "flow out 0 against 600 in" as a loss.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

async function run(config: WellConfig, seconds: number) {
  const engine = createEngine(config, { storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0 });
  const advisories: string[] = [];
  engine.on('advisory', (a) => advisories.push(`${a.fault}:${a.riskLevel}`));
  await engine.start();
  const balances: (number | null)[] = [];
  for (const s of createSimulation({ scenario: 'normal', seed: 3, durationS: seconds })) {
    engine.ingest(makePacket(s.timeMs, { ...s.values, flowOutGpm: 0, gasUnits: 0 }));
    balances.push(engine.status().metrics?.flowBalanceGpm ?? null);
  }
  const status = engine.status();
  const health = await engine.call('getHealth', {});
  await engine.dispose();
  return { status, health: health.ok ? health.value : null, advisories, balances };
}

describe('channels the rig does not send', () => {
  it('flow out and gas read 0 for the whole run: taken as not fitted after 10 min of drilling, null from then on', async () => {
    const r = await run(defaultConfig(), 1500);
    expect(r.status.absentChannels.map((a) => `${a.channel}:${a.source}`).sort()).toEqual(['flowOutGpm:detected', 'gasUnits:detected']);
    const channels = r.health?.components.find((c) => c.name === 'channels');
    expect(channels?.status).toBe('degraded');
    expect(channels?.detail).toContain('flowOutGpm: flow out reads 0 after 10 min of pumping');
    expect(r.status.packet?.flowOutGpm).toBeNull();
    // No flow balance at all, from the first packet (a flow out that never read returns is not
    // yet a reading), let alone a 600 gpm loss.
    expect(r.balances.every((b) => b === null)).toBe(true);
    expect(r.advisories.filter((a) => a.startsWith('loss') || a.startsWith('kick'))).toEqual([]);
  });

  it('declared not fitted in the config: null from the first packet, health names it as declared', async () => {
    const c = defaultConfig();
    const config = { ...c, acquisition: { ...c.acquisition, absent_channels: ['flowOutGpm', 'gasUnits'] } };
    const r = await run(config, 120);
    expect(r.balances.every((b) => b === null)).toBe(true);
    expect(r.status.absentChannels.map((a) => `${a.channel}:${a.source}`)).toEqual(['flowOutGpm:config', 'gasUnits:config']);
    expect(r.health?.components.find((c) => c.name === 'channels')).toMatchObject({ name: 'channels', status: 'healthy', detail: 'declared not fitted: flowOutGpm, gasUnits' });
  });

  it('a flow-out paddle that worked and then froze is named in health after 10 min of pumping; the advisories go on', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0 });
    await engine.start();
    const channelsHealth = async () => {
      const h = await engine.call('getHealth', {});
      return h.ok ? h.value.components.find((c) => c.name === 'channels') : undefined;
    };
    let i = 0;
    for (const s of createSimulation({ scenario: 'normal', seed: 3, durationS: 1800 })) {
      // Working for 10 min, then jammed at its last reading.
      engine.ingest(makePacket(s.timeMs, { ...s.values, flowOutGpm: i++ < 600 ? s.values.flowOutGpm : 598.4 }));
      if (i === 1000) expect((await channelsHealth())?.status).toBe('healthy');
    }
    const channels = await channelsHealth();
    expect(channels?.status).toBe('degraded');
    expect(channels?.detail).toContain('flowOutGpm: flow out has read 598.4 gpm without any change for');
    expect(channels?.detail).toContain('check the sensor (kick and loss detection rely on it)');
    // A stuck reading is still a reading: not blanked.
    expect(engine.status().packet?.flowOutGpm).toBe(598.4);
    await engine.dispose();
  });
});
