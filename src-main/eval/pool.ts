// Runs eval tasks on N worker processes (each a full engine, so runs never share state).
// A worker keeps the recordings it has loaded, so tasks go where their recording already is.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EvalSettings, EvalTask, TaskResult } from './tasks.js';
import { taskRecording } from './tasks.js';
import type { FromWorker, ToWorker } from './worker.js';

export interface PoolOptions {
  workers: number;
  settings: EvalSettings & { resourcesDir: string };
  onResult: (result: TaskResult, done: number, total: number) => void;
}

interface Slot {
  child: ChildProcess;
  task: EvalTask | null;
  loaded: Set<string>;
  alive: boolean;
}

/** Picks the next task for a free worker: its own recordings first, then one nobody has loaded. */
export function pickTask(queue: EvalTask[], mine: ReadonlySet<string>, others: ReadonlyArray<ReadonlySet<string>>): number {
  const own = queue.findIndex((t) => mine.has(taskRecording(t)));
  if (own >= 0) return own;
  const fresh = queue.findIndex((t) => !others.some((o) => o.has(taskRecording(t))));
  return fresh >= 0 ? fresh : 0;
}

export function runPool(tasks: readonly EvalTask[], o: PoolOptions): Promise<TaskResult[]> {
  const queue = [...tasks];
  const results: TaskResult[] = [];
  const total = tasks.length;
  const workerFile = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const tsx = import.meta.resolve('tsx');
  return new Promise((resolve, reject) => {
    const slots: Slot[] = [];
    const finishIfDone = () => {
      if (results.length < total) return;
      for (const s of slots) if (s.alive) s.child.send({ type: 'stop' } satisfies ToWorker);
      resolve(results);
    };
    const record = (r: TaskResult) => {
      results.push(r);
      o.onResult(r, results.length, total);
      finishIfDone();
    };
    const dispatch = (slot: Slot) => {
      if (queue.length === 0) {
        slot.task = null;
        return;
      }
      const others = slots.filter((s) => s !== slot).map((s) => s.loaded);
      const [task] = queue.splice(pickTask(queue, slot.loaded, others), 1);
      slot.task = task;
      slot.loaded.add(taskRecording(task));
      slot.child.send({ type: 'task', task } satisfies ToWorker);
    };
    for (let i = 0; i < Math.max(1, Math.min(o.workers, tasks.length)); i++) {
      const child = fork(workerFile, [], {
        execArgv: ['--import', tsx],
        env: { ...process.env, SAIREN_EVAL_SETTINGS: JSON.stringify(o.settings) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const slot: Slot = { child, task: null, loaded: new Set(), alive: true };
      slots.push(slot);
      child.on('message', (m: FromWorker) => {
        if (m.type === 'ready') dispatch(slot);
        else {
          const done = slot.task;
          dispatch(slot);
          if (m.type === 'result') record(m.result);
          else record({ kind: 'skipped', key: m.key, recording: done ? taskRecording(done) : '?', fault: null, reason: `error: ${m.message.split('\n')[0]}` });
        }
      });
      child.on('exit', (code) => {
        slot.alive = false;
        if (slot.task) {
          const t = slot.task;
          slot.task = null;
          record({ kind: 'skipped', key: t.key, recording: taskRecording(t), fault: null, reason: `worker exited (code ${code}) during this run` });
        }
        if (results.length < total && slots.every((s) => !s.alive)) reject(new Error(`all eval workers exited with ${queue.length} runs left`));
      });
    }
  });
}
