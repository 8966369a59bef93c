// One generation raced against the time limit and the abort signal. The limit is hard: the
// answer is given up on even if the backend ignores the abort.
import { errorText } from './llm-log.js';

export type GenerationResult = { kind: 'answer'; raw: string } | { kind: 'error'; message: string } | { kind: 'timeout' };

/** `generate` is started at once; a synchronous throw reads as an error like a rejection does. */
export function generateWithin(generate: () => Promise<string>, abort: AbortController, limitMs: number): Promise<GenerationResult> {
  return new Promise<GenerationResult>((resolve) => {
    let settled = false;
    const done = (r: GenerationResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      done({ kind: 'timeout' });
      abort.abort(new Error('time limit'));
    }, limitMs);
    abort.signal.addEventListener('abort', () => done({ kind: 'error', message: errorText(abort.signal.reason) }), { once: true });
    let generation: Promise<string>;
    try {
      generation = generate();
    } catch (err) {
      done({ kind: 'error', message: errorText(err) });
      return;
    }
    generation.then(
      (raw) => done({ kind: 'answer', raw }),
      (err: unknown) => done({ kind: 'error', message: errorText(err) }),
    );
  });
}
