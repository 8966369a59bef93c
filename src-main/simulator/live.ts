// Paced emission: the imperative shell around the pure model. Speed N means N samples per
// wall-clock second (N× real time); 'max' means as fast as the consumer keeps up.
import { createSimulation, type SimSample, type Simulation, type SimulationOptions } from './model.js';

export interface LiveOptions extends Omit<SimulationOptions, 'startMs'> {
  /** Epoch ms of the first sample; live runs default to the wall clock at start. */
  startMs?: number;
  speed?: number | 'max';
}

export interface LiveRun {
  simulation: Simulation;
  stop(): void;
  /** Resolves when the run has ended or been stopped. */
  done: Promise<void>;
}

const TICK_MS = 20;
const MAX_BATCH = 2000;

/**
 * Runs a simulation in real (or scaled) time, calling onSample for each 1 Hz sample.
 * `ready` lets a consumer hold back pacing (e.g. a socket buffer is full); at 'max' speed
 * nothing is emitted while it returns false.
 */
export function runSimulationLive(
  opts: LiveOptions,
  onSample: (s: SimSample) => void,
  ready: () => boolean = () => true,
): LiveRun {
  const simulation = createSimulation({ ...opts, startMs: opts.startMs ?? Math.floor(Date.now() / 1000) * 1000 });
  const run = runSamplesLive(() => simulation.next(), opts.speed ?? 1, onSample, ready);
  return { simulation, ...run };
}

/** Paces any 1 Hz sample stream (the model, or a recording with a fault in it) the same way. */
export function runSamplesLive(
  next: () => SimSample | null,
  speed: number | 'max',
  onSample: (s: SimSample) => void,
  ready: () => boolean = () => true,
): Omit<LiveRun, 'simulation'> {
  if (speed !== 'max' && !(speed > 0)) throw new Error(`speed must be > 0 or 'max', got ${speed}`);
  let stopped = false;
  let emitted = 0;
  let timer: NodeJS.Timeout | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const wallStart = performance.now();

  const end = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!stopped) {
      stopped = true;
      finish();
    }
  };

  const tick = (): void => {
    if (stopped) return;
    let due: number;
    if (speed === 'max') due = emitted + MAX_BATCH;
    else due = Math.floor(((performance.now() - wallStart) * speed) / 1000) + 1;
    while (emitted < due && ready()) {
      const s = next();
      if (s === null) {
        end();
        return;
      }
      onSample(s);
      emitted++;
      if (stopped) return;
    }
    if (speed === 'max') {
      timer = setTimeout(tick, ready() ? 0 : 5);
    } else {
      const nextDueMs = (emitted * 1000) / speed - (performance.now() - wallStart);
      timer = setTimeout(tick, Math.max(0, Math.min(nextDueMs, 1000), speed > 50 ? TICK_MS : 0));
    }
  };
  timer = setTimeout(tick, 0);
  return { stop: end, done };
}
