// Stand-in backends for enricher tests. These are NOT models: they replace the I/O edge so the
// queue, time-limit and failure logic can be driven exactly. The real model is exercised in
// tests/integration/llm with a real GGUF through node-llama-cpp.
import type { GenerateOptions, InferenceBackend, JsonSchema, LlmPrompt, LoadedModel } from '../../../src-main/llm/backend.js';

/** Loads instantly and never answers a generation, ignoring the abort signal (a hung model). */
export class NeverAnsweringBackend implements InferenceBackend {
  calls: LlmPrompt[] = [];
  disposed = false;
  async load(): Promise<LoadedModel> {
    return { model: 'hung-stand-in', device: 'cpu' };
  }
  generateJson(prompt: LlmPrompt): Promise<string> {
    this.calls.push(prompt);
    return new Promise<string>(() => undefined);
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

/** Answers each generation only when the test releases it, with the text the test gives. */
export class ManualBackend implements InferenceBackend {
  pending: { prompt: LlmPrompt; opts: GenerateOptions; resolve: (s: string) => void; reject: (e: Error) => void }[] = [];
  loads = 0;
  constructor(private readonly loadError: string | null = null) {}
  async load(): Promise<LoadedModel> {
    this.loads++;
    if (this.loadError) throw new Error(this.loadError);
    return { model: 'manual-stand-in', device: 'cuda' };
  }
  generateJson(prompt: LlmPrompt, _schema: JsonSchema, opts: GenerateOptions): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.pending.push({ prompt, opts, resolve, reject });
      opts.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  }
  /** Answers the oldest open generation. */
  answer(text: string): void {
    const p = this.pending.shift();
    if (!p) throw new Error('no pending generation');
    p.resolve(text);
  }
  async dispose(): Promise<void> {}
}

export const GOOD_ANSWER = JSON.stringify({
  diagnosis: 'Influx likely.',
  recommendation: 'Flow check now.',
  parameters: [{ name: 'rpm', action: 'decrease', from: 120, to: 0, unit: 'rpm' }],
  confidence: 0.8,
  reasoning: 'Flow balance +24 gpm with pit gain.',
});

export const OUT_OF_RANGE_ANSWER = JSON.stringify({
  diagnosis: 'x',
  recommendation: 'y',
  parameters: [{ name: 'rpm', action: 'set', from: null, to: 900, unit: 'rpm' }],
  confidence: 0.5,
  reasoning: 'z',
});
