// Child process for the kill -9 durability test: saves advisories, acknowledgements and
// audit entries as fast as it can and prints each id only after its save resolved.
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const store = SqliteStore.open({ dataDir: process.argv[2], metricsFlushMs: 50 });
let i = 0;
for (;;) {
  const a = makeAdvisory({ timeMs: Date.UTC(2025, 0, 1) + i * 1000 });
  store.recordMetrics({ timeMs: a.timeMs, values: { flowBalanceGpm: i } });
  await store.saveAdvisory(a);
  process.stdout.write(`advisory ${a.id}\n`);
  const k = await store.acknowledge({ advisoryId: a.id, timeMs: a.timeMs, actor: 'JD', action: 'flow check', notes: '' });
  process.stdout.write(`ack ${k.id}\n`);
  const e = await store.appendAudit({ timeMs: a.timeMs, actor: 'JD', kind: 'acknowledgement', summary: a.id });
  process.stdout.write(`audit ${e.seq}\n`);
  i++;
}
