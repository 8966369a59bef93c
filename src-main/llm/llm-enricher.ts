// AdvisoryEnricher over an InferenceBackend. The pipeline calls `submit` on the hot path; it
// only queues and returns. One inference runs at a time (native work is off the JS thread);
// outcomes arrive later through `onOutcome`. Templates stay shown unless the model answers in
// time with text that parses and passes the range check.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RISK_RANK } from '../../src-shared/advisory.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { InferenceBackend, LoadedModel } from './backend.js';
import { DEFAULT_MODELS_DIR, discoverModel } from './discover-model.js';
import { checkModelPath } from './model-path-policy.js';
import type { AdvisoryEnricher, EnrichmentOutcome, EnrichmentRequest } from './enricher.js';
import { NodeLlamaCppBackend } from './node-llama-cpp-backend.js';
import { ADVISORY_JSON_SCHEMA } from './output-schema.js';
import { parseContextFor, parseLlmOutput } from './parse-output.js';
import { buildPrompt } from './prompt.js';

export interface LlmLogEntry {
  level: 'info' | 'warn';
  message: string;
  advisoryId?: string;
}

export interface LlmEnricherOptions {
  config: WellConfig;
  /** The model file, or null for template-only mode. */
  modelPath: string | null;
  /** Why there is no model (shown in status when modelPath is null). */
  noModelDetail?: string;
  /** A model file was found but refused (not a GGUF, unreadable): its name, so health calls it a fault, not a choice. */
  rejectedModelName?: string;
  /** A fresh backend per model load. Default: node-llama-cpp. */
  createBackend?: () => InferenceBackend;
  log?: (e: LlmLogEntry) => void;
  /** Requests waiting behind the running one; the lowest-risk, oldest is dropped beyond this. */
  queueCapacity?: number;
  /** Monotonic milliseconds, for staleness between submit and run. Default performance.now. */
  monotonicMs?: () => number;
  /** Fixed sampling seed (tests). */
  seed?: number;
}

interface Pending {
  req: EnrichmentRequest;
  risk: number;
}

type RunResult = { kind: 'answer'; raw: string } | { kind: 'error'; message: string } | { kind: 'timeout' };

const defaultLog = (e: LlmLogEntry): void => {
  const line = `[llm] ${e.advisoryId ? `${e.advisoryId}: ` : ''}${e.message}`;
  if (e.level === 'warn') console.warn(line);
};

export class LlmEnricher implements AdvisoryEnricher {
  private readonly llmConfig: WellConfig['llm'];
  private readonly createBackend: () => InferenceBackend;
  private readonly log: (e: LlmLogEntry) => void;
  private readonly queueCapacity: number;
  private readonly mono: () => number;
  private readonly listeners = new Set<(o: EnrichmentOutcome) => void>();

  private enabled: boolean;
  private modelPath: string | null;
  private backend: InferenceBackend | null = null;
  private loaded: LoadedModel | null = null;
  private loading: Promise<LoadedModel | null> | null = null;
  private loadError: string | null = null;
  private disabledReason: string | null = null;
  private consecutiveFailures = 0;
  private queue: Pending[] = [];
  private running: { advisoryId: string; abort: AbortController } | null = null;
  private disposed = false;
  /** Packet-clock anchor: last nowMs given to submit and the monotonic time it came. */
  private anchor: { nowMs: number; mono: number } | null = null;

  constructor(private readonly opts: LlmEnricherOptions) {
    this.llmConfig = opts.config.llm;
    this.enabled = opts.config.llm.enabled;
    this.modelPath = opts.modelPath;
    this.createBackend = opts.createBackend ?? (() => new NodeLlamaCppBackend());
    this.log = opts.log ?? defaultLog;
    this.queueCapacity = Math.max(1, opts.queueCapacity ?? 2);
    this.mono = opts.monotonicMs ?? (() => performance.now());
  }

  // ---- AdvisoryEnricher -------------------------------------------------------------------

  submit(req: EnrichmentRequest, nowMs: number): void {
    try {
      this.anchor = { nowMs, mono: this.mono() };
      if (this.disposed || this.mode() !== 'llm') return;
      if (req.verification.status !== 'Confirmed') return;
      const id = req.advisory.id;
      const stale = this.staleReason(req, nowMs);
      if (stale) {
        this.emitLater({ kind: 'fallback', advisoryId: id, reason: stale });
        return;
      }
      // A re-published advisory replaces its own queued request.
      this.queue = this.queue.filter((p) => p.req.advisory.id !== id);
      this.queue.push({ req, risk: RISK_RANK[req.advisory.riskLevel] });
      // Highest risk first; among equals the newest (most relevant) first.
      this.queue.sort((a, b) => b.risk - a.risk || b.req.advisory.timeMs - a.req.advisory.timeMs);
      while (this.queue.length > this.queueCapacity) {
        const dropped = this.queue.pop() as Pending;
        const reason =
          dropped.req.advisory.id === id
            ? `not run: ${this.queueCapacity} advisories of equal or higher risk already waiting`
            : `pre-empted by ${req.advisory.riskLevel}-risk advisory ${id}`;
        this.log({ level: 'info', message: reason, advisoryId: dropped.req.advisory.id });
        this.emitLater({ kind: 'fallback', advisoryId: dropped.req.advisory.id, reason });
      }
      this.pump();
    } catch (err) {
      this.log({ level: 'warn', message: `submit failed: ${errorText(err)}`, advisoryId: req?.advisory?.id });
    }
  }

  onOutcome(listener: (o: EnrichmentOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): LiveStatus['llm'] {
    const name = this.loaded?.model ?? (this.modelPath ? basename(this.modelPath) : null);
    if (!this.enabled) return { mode: 'template-only', model: name, device: null, detail: 'LLM disabled in settings: template-only mode' };
    if (!this.modelPath) {
      return { mode: 'template-only', model: this.opts.rejectedModelName ?? null, device: null, detail: this.opts.noModelDetail ?? 'no model file: template-only mode' };
    }
    if (this.loadError) {
      return { mode: 'template-only', model: name, device: null, detail: `model failed to load: ${this.loadError}; template-only mode` };
    }
    if (this.disabledReason) {
      return { mode: 'template-only', model: name, device: this.loaded?.device ?? null, detail: this.disabledReason };
    }
    if (this.loaded) {
      const busy = this.running ? `inference running, ${this.queue.length} queued` : 'idle';
      return {
        mode: 'llm',
        model: this.loaded.model,
        device: this.loaded.device,
        detail: `ready on ${this.loaded.device}, time limit ${this.timeLimitMs() / 1000} s, ${busy}`,
      };
    }
    return { mode: 'llm', model: name, device: null, detail: 'model found; loads on first confirmed advisory' };
  }

  async setModel(path: string, enabled: boolean): Promise<LiveStatus['llm']> {
    const wasRunning = this.running;
    this.running = null;
    wasRunning?.abort.abort(new Error('model changed'));
    const dropped = this.queue;
    this.queue = [];
    for (const p of dropped) this.emitLater({ kind: 'fallback', advisoryId: p.req.advisory.id, reason: 'model changed before inference ran' });
    await this.releaseBackend();
    this.enabled = enabled;
    this.modelPath = path.trim() === '' ? null : path.trim();
    this.loadError = null;
    this.disabledReason = null;
    this.consecutiveFailures = 0;
    this.log({ level: 'info', message: `model set to ${this.modelPath ?? 'none'}, ${enabled ? 'enabled' : 'disabled'}` });
    if (enabled && this.modelPath) await this.ensureLoaded();
    return this.status();
  }

  /** Switched off by failures, or the model file failed to load (it may have been replaced since). */
  needsRetry(): boolean {
    return this.enabled && this.modelPath !== null && (this.disabledReason !== null || this.loadError !== null);
  }

  async retry(): Promise<LiveStatus['llm']> {
    return this.setModel(this.modelPath ?? '', this.enabled);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.queue = [];
    this.running?.abort.abort(new Error('disposed'));
    this.running = null;
    this.listeners.clear();
    await this.releaseBackend();
  }

  // ---- extras -------------------------------------------------------------------------------

  /** Loads the model now instead of on the first advisory (startup, health). */
  async start(): Promise<LiveStatus['llm']> {
    if (this.mode() === 'llm') await this.ensureLoaded();
    return this.status();
  }

  /** Requests waiting (not counting the one running). */
  queuedAdvisoryIds(): string[] {
    return this.queue.map((p) => p.req.advisory.id);
  }

  runningAdvisoryId(): string | null {
    return this.running?.advisoryId ?? null;
  }

  timeLimitMs(): number {
    const s = this.loaded && this.loaded.device !== 'cpu' ? this.llmConfig.timeout_gpu_s : this.llmConfig.timeout_cpu_s;
    return s * 1000;
  }

  // ---- internals ----------------------------------------------------------------------------

  private mode(): 'llm' | 'template-only' {
    return this.enabled && this.modelPath && !this.loadError && !this.disabledReason ? 'llm' : 'template-only';
  }

  private nowMs(): number {
    if (!this.anchor) return 0;
    return this.anchor.nowMs + (this.mono() - this.anchor.mono);
  }

  private staleReason(req: EnrichmentRequest, nowMs: number): string | null {
    const ageS = (nowMs - req.advisory.timeMs) / 1000;
    if (ageS > this.llmConfig.relevance_s) {
      return `stale: advisory ${Math.round(ageS)} s old, relevance ${this.llmConfig.relevance_s} s`;
    }
    return null;
  }

  private emit(o: EnrichmentOutcome): void {
    for (const l of [...this.listeners]) {
      try {
        l(o);
      } catch (err) {
        this.log({ level: 'warn', message: `outcome listener threw: ${errorText(err)}`, advisoryId: o.advisoryId });
      }
    }
  }

  /** Outcomes decided inside submit() are delivered off the hot path. */
  private emitLater(o: EnrichmentOutcome): void {
    setImmediate(() => this.emit(o));
  }

  private pump(): void {
    if (this.running || this.disposed || this.queue.length === 0) return;
    const next = this.queue.shift() as Pending;
    const abort = new AbortController();
    this.running = { advisoryId: next.req.advisory.id, abort };
    void this.runOne(next.req, abort).finally(() => {
      if (this.running?.abort === abort) this.running = null;
      this.pump();
    });
  }

  private async ensureLoaded(): Promise<LoadedModel | null> {
    if (this.loaded) return this.loaded;
    if (!this.modelPath) return null;
    if (!this.loading) {
      const path = this.modelPath;
      this.loading = (async () => {
        try {
          this.backend ??= this.createBackend();
          const loaded = await this.backend.load(path);
          if (this.modelPath !== path) return null;
          this.loaded = loaded;
          this.log({ level: 'info', message: `model ${loaded.model} loaded on ${loaded.device}` });
          return loaded;
        } catch (err) {
          if (this.modelPath === path) {
            this.loadError = errorText(err);
            this.log({ level: 'warn', message: `model ${path} failed to load: ${this.loadError}; template-only mode` });
            await this.releaseBackend();
          }
          return null;
        } finally {
          this.loading = null;
        }
      })();
    }
    return this.loading;
  }

  private async runOne(req: EnrichmentRequest, abort: AbortController): Promise<void> {
    const id = req.advisory.id;
    const stale = this.staleReason(req, this.nowMs());
    if (stale) {
      this.log({ level: 'info', message: stale, advisoryId: id });
      this.emit({ kind: 'fallback', advisoryId: id, reason: stale });
      return;
    }
    const loaded = await this.ensureLoaded();
    if (abort.signal.aborted || this.disposed) return;
    if (!loaded || !this.backend) {
      const reason = `model failed to load: ${this.loadError ?? 'unknown reason'}`;
      this.emit({ kind: 'fallback', advisoryId: id, reason });
      this.flushQueue(reason);
      return;
    }
    const limitMs = this.timeLimitMs();
    const started = this.mono();
    const result = await this.generateWithin(req, abort, limitMs);
    if (this.disposed || this.running?.abort !== abort) return; // superseded (model changed)
    const elapsed = Math.round(this.mono() - started);
    if (result.kind === 'timeout') {
      this.fail(id, `no answer within the ${limitMs / 1000} s ${loaded.device} time limit`);
      return;
    }
    if (result.kind === 'error') {
      this.fail(id, `inference failed: ${result.message}`);
      return;
    }
    const parsed = parseLlmOutput(result.raw, parseContextFor(req, this.opts.config, loaded.model));
    if (!parsed.ok) {
      this.fail(id, parsed.reason);
      return;
    }
    this.consecutiveFailures = 0;
    this.log({ level: 'info', message: `enriched in ${elapsed} ms`, advisoryId: id });
    this.emit({ kind: 'enriched', advisoryId: id, text: parsed.text });
  }

  private generateWithin(req: EnrichmentRequest, abort: AbortController, limitMs: number): Promise<RunResult> {
    const backend = this.backend as InferenceBackend;
    return new Promise<RunResult>((resolve) => {
      let settled = false;
      const done = (r: RunResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      // Hard limit: stop waiting even if the backend ignores the abort signal.
      const timer = setTimeout(() => {
        done({ kind: 'timeout' });
        abort.abort(new Error('time limit'));
      }, limitMs);
      abort.signal.addEventListener('abort', () => done({ kind: 'error', message: errorText(abort.signal.reason) }), { once: true });
      let generation: Promise<string>;
      try {
        generation = backend.generateJson(buildPrompt(req), ADVISORY_JSON_SCHEMA, {
          maxTokens: this.llmConfig.max_tokens,
          temperature: this.llmConfig.temperature,
          signal: abort.signal,
          ...(this.opts.seed !== undefined ? { seed: this.opts.seed } : {}),
        });
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

  private fail(advisoryId: string, reason: string): void {
    this.consecutiveFailures++;
    this.log({ level: 'warn', message: `template kept: ${reason}`, advisoryId });
    this.emit({ kind: 'fallback', advisoryId, reason });
    const max = Math.max(1, this.llmConfig.max_consecutive_failures);
    if (this.consecutiveFailures >= max && !this.disabledReason) {
      this.disabledReason = `template mode after ${this.consecutiveFailures} consecutive LLM failures (last: ${reason}); re-enable the model to retry`;
      this.log({ level: 'warn', message: this.disabledReason });
      this.flushQueue('LLM switched to template mode');
    }
  }

  private flushQueue(reason: string): void {
    const dropped = this.queue;
    this.queue = [];
    for (const p of dropped) this.emit({ kind: 'fallback', advisoryId: p.req.advisory.id, reason });
  }

  private async releaseBackend(): Promise<void> {
    const b = this.backend;
    this.backend = null;
    this.loaded = null;
    this.loading = null;
    if (b) {
      try {
        await b.dispose();
      } catch (err) {
        this.log({ level: 'warn', message: `backend dispose failed: ${errorText(err)}` });
      }
    }
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Discovers the model (settings path, else resources/models) and builds the enricher. */
export function createLlmEnricher(
  config: WellConfig,
  opts: Omit<LlmEnricherOptions, 'config' | 'modelPath' | 'noModelDetail'> & { modelsDir?: string } = {},
): LlmEnricher {
  const modelsDir = opts.modelsDir ?? DEFAULT_MODELS_DIR;
  const found = discoverModel(config.llm.model_path, modelsDir);
  const { modelsDir: _ignored, ...rest } = opts;
  void _ignored;
  // The configuration file is the operator's, so any folder will do; it must still be a GGUF.
  const checked = found.kind === 'found' ? checkModelPath(found.path, { modelsDir, picked: () => true }) : null;
  return new LlmEnricher({
    ...rest,
    config,
    modelPath: checked?.ok ? checked.path : null,
    noModelDetail: checked && !checked.ok ? `${found.detail}: ${checked.reason}; template-only mode` : found.detail,
    ...(found.kind === 'found' && checked && !checked.ok ? { rejectedModelName: basename(found.path) } : {}),
  });
}
