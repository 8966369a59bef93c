// InferenceBackend over node-llama-cpp (pinned 3.21.1). Native evaluation runs on libuv worker
// threads, so the JS thread only schedules tokens; the packet loop keeps running.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type {
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaModel,
} from 'node-llama-cpp';
import type { GenerateOptions, InferenceBackend, InferenceDevice, JsonSchema, LlmPrompt, LoadedModel } from './backend.js';

export interface NodeLlamaCppBackendOptions {
  /** 'auto' picks CUDA, Vulkan or Metal when usable, else the CPU. */
  gpu?: 'auto' | false;
  /** Context window in tokens. */
  contextSize?: number;
  /**
   * CPU threads for evaluation. Default: all cores but one, so the packet loop keeps a core.
   * (Measured on a 2-core box: 2 threads contending with the app ran ~30x slower than 1.)
   */
  threads?: number;
}

function toDevice(gpu: Llama['gpu']): InferenceDevice {
  return gpu === 'cuda' || gpu === 'vulkan' || gpu === 'metal' ? gpu : 'cpu';
}

// One Llama per GPU setting for the process: getLlama() may share native state between
// instances, and disposing one would break the others. llama.cpp's own error lines are kept
// here: they carry the real reason a load fails ("tensor ... data is not within the file
// bounds"), which the thrown error lacks.
const llamas = new Map<string, Promise<Llama>>();
const nativeErrorLog: { n: number; message: string }[] = [];
let nativeErrorCount = 0;

function nativeErrorsSince(mark: number): string[] {
  return nativeErrorLog.filter((e) => e.n >= mark).map((e) => e.message);
}

function sharedLlama(gpu: 'auto' | false): Promise<Llama> {
  const key = String(gpu);
  let p = llamas.get(key);
  if (!p) {
    p = import('node-llama-cpp').then(({ getLlama, LlamaLogLevel }) =>
      getLlama({
        gpu,
        // Offline rig: never try to download or compile; use the prebuilt binaries.
        build: 'never',
        logLevel: LlamaLogLevel.error,
        logger: (level, message) => {
          if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) {
            nativeErrorLog.push({ n: nativeErrorCount++, message: message.trim() });
            if (nativeErrorLog.length > 32) nativeErrorLog.shift();
          }
        },
      }),
    );
    p.catch(() => llamas.delete(key));
    llamas.set(key, p);
  }
  return p;
}

export class NodeLlamaCppBackend implements InferenceBackend {
  private llama: Llama | null = null;
  private model: LlamaModel | null = null;
  private context: LlamaContext | null = null;
  private sequence: LlamaContextSequence | null = null;
  private loadedPath: string | null = null;
  private loaded: LoadedModel | null = null;
  /** One generation at a time on the single sequence, even if a caller stopped waiting. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: NodeLlamaCppBackendOptions = {}) {}

  async load(modelPath: string): Promise<LoadedModel> {
    if (this.loaded && this.loadedPath === modelPath) return this.loaded;
    await this.releaseModel();
    this.llama ??= await sharedLlama(this.opts.gpu ?? 'auto');
    const logMark = nativeErrorCount;
    let model: LlamaModel;
    try {
      model = await this.llama.loadModel({ modelPath });
    } catch (err) {
      // llama.cpp's log lines can reach JS just after the rejection.
      await new Promise((r) => setTimeout(r, 50));
      const native = nativeErrorsSince(logMark).find((m) => m.includes('error loading model'));
      const base = err instanceof Error ? err.message : String(err);
      throw new Error(native ? `${base}: ${native.replace(/^llama_model_load: error loading model: /, '')}` : base);
    }
    try {
      const threads = this.opts.threads ?? Math.max(1, availableParallelism() - 1);
      const context = await model.createContext({
        contextSize: Math.min(this.opts.contextSize ?? 4096, model.trainContextSize),
        threads,
      });
      this.model = model;
      this.context = context;
      this.sequence = context.getSequence();
    } catch (err) {
      await model.dispose();
      throw err;
    }
    const name = model.fileInfo.metadata.general?.name;
    this.loadedPath = modelPath;
    this.loaded = {
      model: typeof name === 'string' && name.trim() !== '' ? name.trim() : basename(modelPath),
      device: toDevice(this.llama.gpu),
    };
    return this.loaded;
  }

  generateJson(prompt: LlmPrompt, schema: JsonSchema, opts: GenerateOptions): Promise<string> {
    const run = this.chain.then(() => this.generateNow(prompt, schema, opts));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async generateNow(prompt: LlmPrompt, schema: JsonSchema, opts: GenerateOptions): Promise<string> {
    opts.signal.throwIfAborted();
    const llama = this.llama;
    const sequence = this.sequence;
    if (!llama || !sequence) throw new Error('model not loaded');
    const { LlamaChatSession } = await import('node-llama-cpp');
    const grammar = await llama.createGrammarForJsonSchema(schema as never);
    // A fresh session per request; the sequence keeps its KV cache, so a repeated system
    // prompt prefix is not evaluated again.
    const session = new LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: prompt.system,
      autoDisposeSequence: false,
    });
    try {
      return await session.prompt(prompt.user, {
        grammar,
        maxTokens: opts.maxTokens,
        temperature: opts.temperature,
        signal: opts.signal,
        stopOnAbortSignal: false,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      });
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  private async releaseModel(): Promise<void> {
    this.sequence = null;
    await this.context?.dispose();
    this.context = null;
    await this.model?.dispose();
    this.model = null;
    this.loaded = null;
    this.loadedPath = null;
  }

  async dispose(): Promise<void> {
    await this.chain;
    await this.releaseModel();
    // getLlama() hands out a shared instance: disposing it would break other backends.
    this.llama = null;
  }
}
