// Coalesces a fast stream (live status at several per second) into at most one flush per
// interval, always delivering the latest value. Timer functions are injectable for tests.

export interface Throttle<T> {
  push(value: T): void;
  /** Delivers a pending value now (e.g. on dispose or view switch). */
  flush(): void;
  dispose(): void;
}

export interface TimerFns {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: TimerFns = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createThrottle<T>(deliver: (value: T) => void, intervalMs: number, timers: TimerFns = realTimers): Throttle<T> {
  let pending: { value: T } | null = null;
  let lastFlushMs = -Infinity;
  let timer: unknown = null;

  const flush = (): void => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastFlushMs = timers.now();
    deliver(value);
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const waitMs = lastFlushMs + intervalMs - timers.now();
      if (waitMs <= 0) flush();
      else timer = timers.setTimeout(flush, waitMs);
    },
    flush,
    dispose() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
