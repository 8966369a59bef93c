// The renderer's main-thread tasks from a Chromium trace (CDP Tracing): the longest task by wall
// time and by the thread's own CPU time. On a shared, loaded machine a timer probe also counts
// the time the OS gave other processes; a task's CPU time does not, so both are printed.
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TaskFigures {
  /** Longest task on the renderer main thread, wall clock, ms. */
  longestWallMs: number;
  /** The same thread's longest task in CPU time, ms. */
  longestCpuMs: number;
  tasks: number;
}

export class MainThreadTrace {
  private events: TraceEvent[] = [];
  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Tracing.dataCollected', (e) => {
      this.events.push(...(e.value as unknown as TraceEvent[]));
    });
  }

  static async start(page: Page): Promise<MainThreadTrace> {
    const cdp = await page.context().newCDPSession(page);
    const t = new MainThreadTrace(cdp);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    return t;
  }

  async stop(): Promise<TaskFigures> {
    const done = new Promise<void>((r) => this.cdp.once('Tracing.tracingComplete', () => r()));
    await this.cdp.send('Tracing.end');
    await done;
    await this.cdp.detach();
    const main = new Set(this.events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const tasks = this.events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    return {
      longestWallMs: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)),
      longestCpuMs: Math.max(0, ...tasks.map((e) => (e.tdur ?? 0) / 1000)),
      tasks: tasks.length,
    };
  }
}
