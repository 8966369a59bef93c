// One job per task (an idle callback where the browser has them). Chart redraws (recharts renders a whole SVG synchronously) go through
// here so a window change, a history load or a view switch never draws six charts in one task:
// each chart draws in its own task and the browser can paint and handle input in between.

export type Job = () => void;

export interface TaskQueue {
  /** Queues a job; returns a cancel function. */
  push(job: Job): () => void;
  readonly size: number;
}

/**
 * Idle callbacks when the browser has them: a draw then waits for input, timers and the frame
 * to be done, and still runs within IDLE_TIMEOUT_MS when the page is never idle.
 */
const IDLE_TIMEOUT_MS = 250;
function deferToIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

export function createTaskQueue(defer: (run: () => void) => void = deferToIdle): TaskQueue {
  const jobs: Job[] = [];
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    const job = jobs.shift();
    if (jobs.length) schedule();
    job?.();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    defer(run);
  };
  return {
    push(job) {
      jobs.push(job);
      schedule();
      return () => {
        const i = jobs.indexOf(job);
        if (i >= 0) jobs.splice(i, 1);
      };
    },
    get size() {
      return jobs.length;
    },
  };
}

/** The renderer's drawing queue. */
export const drawQueue = createTaskQueue();
