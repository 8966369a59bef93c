// One eval worker process: takes tasks from the parent over IPC, runs each through the
// pipeline, answers with the result. Base recordings stay loaded between tasks.
import { join } from 'node:path';
import { loadStaticKnowledgeStore } from '../knowledge/knowledge-file.js';
import { BaseCache, runTask } from './run-task.js';
import type { EvalSettings, EvalTask, TaskResult } from './tasks.js';

export type ToWorker = { type: 'task'; task: EvalTask } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'result'; result: TaskResult } | { type: 'error'; key: string; message: string };

function main(): void {
  const settings = JSON.parse(process.env.SAIREN_EVAL_SETTINGS ?? '{}') as EvalSettings & { resourcesDir: string };
  const cache = new BaseCache(settings);
  const knowledge = loadStaticKnowledgeStore(join(settings.resourcesDir, 'knowledge-base.json')).store;
  const send = (m: FromWorker) => process.send?.(m);
  process.on('message', (m: ToWorker) => {
    if (m.type === 'stop') process.exit(0);
    runTask(m.task, cache, settings, knowledge).then(
      (result) => send({ type: 'result', result }),
      (e: Error) => send({ type: 'error', key: m.task.key, message: e.stack ?? e.message }),
    );
  });
  // The parent going away ends the worker too.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main();
