// The one loaded model behind the enricher: a backend created on first use, a single load in
// flight at a time, and the reason the last load failed. A load that finishes after the model
// path changed is thrown away.
import type { InferenceBackend, LoadedModel } from './backend.js';
import { errorText, type LlmLogEntry } from './llm-log.js';

export class ModelSlot {
  private backendNow: InferenceBackend | null = null;
  private loadedNow: LoadedModel | null = null;
  private loading: Promise<LoadedModel | null> | null = null;
  /** Why the current model file failed to load; null when it has not failed. */
  loadError: string | null = null;

  constructor(
    private readonly createBackend: () => InferenceBackend,
    private readonly log: (e: LlmLogEntry) => void,
    /** The model path wanted now (the enricher's setting). */
    private readonly wantedPath: () => string | null,
  ) {}

  get backend(): InferenceBackend | null {
    return this.backendNow;
  }

  get loaded(): LoadedModel | null {
    return this.loadedNow;
  }

  async ensureLoaded(): Promise<LoadedModel | null> {
    if (this.loadedNow) return this.loadedNow;
    const path = this.wantedPath();
    if (!path) return null;
    this.loading ??= this.load(path);
    return this.loading;
  }

  private async load(path: string): Promise<LoadedModel | null> {
    try {
      this.backendNow ??= this.createBackend();
      const loaded = await this.backendNow.load(path);
      if (this.wantedPath() !== path) return null;
      this.loadedNow = loaded;
      this.log({ level: 'info', message: `model ${loaded.model} loaded on ${loaded.device}` });
      return loaded;
    } catch (err) {
      if (this.wantedPath() === path) {
        this.loadError = errorText(err);
        this.log({ level: 'warn', message: `model ${path} failed to load: ${this.loadError}; template-only mode` });
        await this.release();
      }
      return null;
    } finally {
      this.loading = null;
    }
  }

  /** Disposes the backend (the model is unloaded); the load error, if any, stays. */
  async release(): Promise<void> {
    const b = this.backendNow;
    this.backendNow = null;
    this.loadedNow = null;
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
