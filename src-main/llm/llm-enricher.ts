// AdvisoryEnricher over an InferenceBackend. The pipeline calls `submit` on the hot path; it
// only queues and returns. One inference runs at a time (native work is off the JS thread);
// outcomes arrive later through `onOutcome`. Templates stay shown unless the model answers in
// time with text that parses and passes the range check.
import { performance } from 'node:perf_hooks';
import type { WellConfig } from '../../src-shared/config.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { InferenceBackend, LoadedModel } from './backend.js';
import type { AdvisoryEnricher, EnrichmentOutcome, EnrichmentRequest } from './enricher.js';
import { enricherStatus } from './enricher-status.js';
import { EnrichmentQueue } from './enrichment-queue.js';
import { generateWithin } from './generate-within.js';
import { defaultLlmLog, errorText, type LlmLogEntry } from './llm-log.js';
import { ModelSlot } from './model-slot.js';
import { NodeLlamaCppBackend } from './node-llama-cpp-backend.js';
import { ADVISORY_JSON_SCHEMA } from './output-schema.js';
import { parseContextFor, parseLlmOutput } from './parse-output.js';
import { buildPrompt } from './prompt.js';

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

export class LlmEnricher implements AdvisoryEnricher {
  private readonly llmConfig: WellConfig['llm'];
  private readonly log: (e: LlmLogEntry) => void;
  private readonly mono: () => number;
  private readonly listeners = new Set<(o: EnrichmentOutcome) => void>();
  private readonly model: ModelSlot;
  private readonly queue: EnrichmentQueue;

  private enabled: boolean;
  private modelPath: string | null;
  private disabledReason: string | null = null;
  private consecutiveFailures = 0;
  private running: { advisoryId: string; abort: AbortController } | null = null;
  private disposed = false;
  /** Packet-clock anchor: last nowMs given to submit and the monotonic time it came. */
  private anchor: { nowMs: number; mono: number } | null = null;

  constructor(private readonly opts: LlmEnricherOptions) {
    this.llmConfig = opts.config.llm;
    this.enabled = opts.config.llm.enabled;
    this.modelPath = opts.modelPath;
    this.log = opts.log ?? defaultLlmLog;
    this.model = new ModelSlot(opts.createBackend ?? (() => new NodeLlamaCppBackend()), this.log, () => this.modelPath);
    this.queue = new EnrichmentQueue(Math.max(1, opts.queueCapacity ?? 2));
    this.mono = opts.monotonicMs ?? (() => performance.now());
  }

  // ---- AdvisoryEnricher -------------------------------------------------------------------

  submit(req: EnrichmentRequest, nowMs: number): void {
    try {
      this.anchor = { nowMs, mono: this.mono() };
      if (this.disposed || this.mode() !== 'llm') return;
      if (req.verification.status !== 'Confirmed') return;
      const stale = this.staleReason(req, nowMs);
      if (stale) {
        this.emitLater({ kind: 'fallback', advisoryId: req.advisory.id, reason: stale });
        return;
      }
      for (const d of this.queue.add(req)) {
        this.log({ level: 'info', message: d.reason, advisoryId: d.advisoryId });
        this.emitLater({ kind: 'fallback', advisoryId: d.advisoryId, reason: d.reason });
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
    return enricherStatus({
      enabled: this.enabled,
      modelPath: this.modelPath,
      noModelDetail: this.opts.noModelDetail,
      rejectedModelName: this.opts.rejectedModelName,
      loaded: this.model.loaded,
      loadError: this.model.loadError,
      disabledReason: this.disabledReason,
      running: this.running !== null,
      queued: this.queue.length,
      timeLimitMs: this.timeLimitMs(),
    });
  }

  async setModel(path: string, enabled: boolean): Promise<LiveStatus['llm']> {
    const wasRunning = this.running;
    this.running = null;
    wasRunning?.abort.abort(new Error('model changed'));
    for (const id of this.queue.takeAll()) this.emitLater({ kind: 'fallback', advisoryId: id, reason: 'model changed before inference ran' });
    await this.model.release();
    this.enabled = enabled;
    this.modelPath = path.trim() === '' ? null : path.trim();
    this.model.loadError = null;
    this.disabledReason = null;
    this.consecutiveFailures = 0;
    this.log({ level: 'info', message: `model set to ${this.modelPath ?? 'none'}, ${enabled ? 'enabled' : 'disabled'}` });
    if (enabled && this.modelPath) await this.model.ensureLoaded();
    return this.status();
  }

  /** Switched off by failures, or the model file failed to load (it may have been replaced since). */
  needsRetry(): boolean {
    return this.enabled && this.modelPath !== null && (this.disabledReason !== null || this.model.loadError !== null);
  }

  async retry(): Promise<LiveStatus['llm']> {
    return this.setModel(this.modelPath ?? '', this.enabled);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.queue.takeAll();
    this.running?.abort.abort(new Error('disposed'));
    this.running = null;
    this.listeners.clear();
    await this.model.release();
  }

  // ---- extras -------------------------------------------------------------------------------

  /** Loads the model now instead of on the first advisory (startup, health). */
  async start(): Promise<LiveStatus['llm']> {
    if (this.mode() === 'llm') await this.model.ensureLoaded();
    return this.status();
  }

  /** Requests waiting (not counting the one running). */
  queuedAdvisoryIds(): string[] {
    return this.queue.advisoryIds();
  }

  runningAdvisoryId(): string | null {
    return this.running?.advisoryId ?? null;
  }

  timeLimitMs(): number {
    const loaded = this.model.loaded;
    const s = loaded && loaded.device !== 'cpu' ? this.llmConfig.timeout_gpu_s : this.llmConfig.timeout_cpu_s;
    return s * 1000;
  }

  // ---- internals ----------------------------------------------------------------------------

  private mode(): 'llm' | 'template-only' {
    return this.enabled && this.modelPath && !this.model.loadError && !this.disabledReason ? 'llm' : 'template-only';
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
    const next = this.queue.next() as EnrichmentRequest;
    const abort = new AbortController();
    this.running = { advisoryId: next.advisory.id, abort };
    void this.runOne(next, abort).finally(() => {
      if (this.running?.abort === abort) this.running = null;
      this.pump();
    });
  }

  private async runOne(req: EnrichmentRequest, abort: AbortController): Promise<void> {
    const id = req.advisory.id;
    const stale = this.staleReason(req, this.nowMs());
    if (stale) {
      this.log({ level: 'info', message: stale, advisoryId: id });
      this.emit({ kind: 'fallback', advisoryId: id, reason: stale });
      return;
    }
    const loaded = await this.model.ensureLoaded();
    if (abort.signal.aborted || this.disposed) return;
    const backend = this.model.backend;
    if (!loaded || !backend) {
      const reason = `model failed to load: ${this.model.loadError ?? 'unknown reason'}`;
      this.emit({ kind: 'fallback', advisoryId: id, reason });
      this.flushQueue(reason);
      return;
    }
    const limitMs = this.timeLimitMs();
    const started = this.mono();
    const result = await generateWithin(() => this.generate(backend, req, abort.signal), abort, limitMs);
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
    this.accept(req, loaded, result.raw, elapsed);
  }

  private generate(backend: InferenceBackend, req: EnrichmentRequest, signal: AbortSignal): Promise<string> {
    return backend.generateJson(buildPrompt(req), ADVISORY_JSON_SCHEMA, {
      maxTokens: this.llmConfig.max_tokens,
      temperature: this.llmConfig.temperature,
      signal,
      ...(this.opts.seed !== undefined ? { seed: this.opts.seed } : {}),
    });
  }

  /** The model's answer is shown only if it parses and passes the range check. */
  private accept(req: EnrichmentRequest, loaded: LoadedModel, raw: string, elapsedMs: number): void {
    const id = req.advisory.id;
    const parsed = parseLlmOutput(raw, parseContextFor(req, this.opts.config, loaded.model));
    if (!parsed.ok) {
      this.fail(id, parsed.reason);
      return;
    }
    this.consecutiveFailures = 0;
    this.log({ level: 'info', message: `enriched in ${elapsedMs} ms`, advisoryId: id });
    this.emit({ kind: 'enriched', advisoryId: id, text: parsed.text });
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
    for (const id of this.queue.takeAll()) this.emit({ kind: 'fallback', advisoryId: id, reason });
  }
}
