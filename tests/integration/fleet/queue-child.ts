// Child process for the queue kill -9 tests. Prints each event id only after enqueue resolved.
//   hundred DIR: queues events 0..99, prints "done", then keeps rewriting them (duplicate
//                enqueues, outcome updates) until killed.
//   big DIR:     queues large events (3,600-snapshot windows of noisy numbers) forever.
import { DiskUploadQueue } from '../../../src-main/fleet/upload-queue.js';
import { makeFleetEvent } from '../../unit/fleet/fixtures.js';

const [mode, dataDir] = process.argv.slice(2);
const q = await DiskUploadQueue.open({ dataDir, capacity: 10_000 });
if (mode === 'hundred') {
  for (let i = 0; i < 100; i++) {
    const e = makeFleetEvent(i, i % 3 === 0 ? 'Critical' : 'High');
    if (await q.enqueue(e)) process.stdout.write(`${e.id}\n`);
  }
  process.stdout.write('done\n');
  for (let round = 0; ; round++) {
    for (let i = 0; i < 100; i++) {
      await q.enqueue(makeFleetEvent(i));
      await q.updateOutcome(makeFleetEvent(i).id, { kind: 'Resolved', action: `round ${round}` });
    }
  }
} else if (mode === 'big') {
  for (let i = 0; ; i++) {
    const e = makeFleetEvent(i, 'Critical', 3600, 50);
    await q.enqueue(e);
    process.stdout.write(`${e.id}\n`);
  }
}
