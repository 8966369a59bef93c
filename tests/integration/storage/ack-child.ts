// Child process for the acknowledgement kill -9 test: the real engine over a real SQLite file,
// acknowledging advisories as fast as it can (each one stored with its audit entry).
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const storage = SqliteStore.open({ dataDir: process.argv[2], metricsFlushMs: 0 });
const engine = createEngine(defaultConfig(), { storage, healthIntervalMs: 0 });
await engine.start();
const advisories = [];
for (let i = 0; i < 20; i++) {
  const a = makeAdvisory({ timeMs: Date.UTC(2025, 0, 1) + i * 1000 });
  await storage.saveAdvisory(a);
  advisories.push(a);
}
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const r = await engine.call('acknowledge', { advisoryId: advisories[i % advisories.length].id, actor: 'JD', action: `flow check ${i}` });
  if (r.ok) process.stdout.write(`ack ${r.value.id}\n`);
}
