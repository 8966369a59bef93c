// What the LLM card in the status shows: which mode the enricher is in and why, in words.
import { basename } from 'node:path';
import type { LiveStatus } from '../../src-shared/status.js';
import type { LoadedModel } from './backend.js';

export interface EnricherState {
  enabled: boolean;
  modelPath: string | null;
  /** Why there is no model (shown when modelPath is null). */
  noModelDetail?: string;
  /** A model file that was found but refused, so health calls it a fault, not a choice. */
  rejectedModelName?: string;
  loaded: LoadedModel | null;
  loadError: string | null;
  disabledReason: string | null;
  running: boolean;
  queued: number;
  timeLimitMs: number;
}

export function enricherStatus(s: EnricherState): LiveStatus['llm'] {
  const name = s.loaded?.model ?? (s.modelPath ? basename(s.modelPath) : null);
  if (!s.enabled) return { mode: 'template-only', model: name, device: null, detail: 'LLM disabled in settings: template-only mode' };
  if (!s.modelPath) {
    return { mode: 'template-only', model: s.rejectedModelName ?? null, device: null, detail: s.noModelDetail ?? 'no model file: template-only mode' };
  }
  if (s.loadError) {
    return { mode: 'template-only', model: name, device: null, detail: `model failed to load: ${s.loadError}; template-only mode` };
  }
  if (s.disabledReason) {
    return { mode: 'template-only', model: name, device: s.loaded?.device ?? null, detail: s.disabledReason };
  }
  if (s.loaded) {
    const busy = s.running ? `inference running, ${s.queued} queued` : 'idle';
    return {
      mode: 'llm',
      model: s.loaded.model,
      device: s.loaded.device,
      detail: `ready on ${s.loaded.device}, time limit ${s.timeLimitMs / 1000} s, ${busy}`,
    };
  }
  return { mode: 'llm', model: name, device: null, detail: 'model found; loads on first confirmed advisory' };
}
