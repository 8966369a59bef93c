// Builds the engine's enricher: finds the model (settings path, else resources/models) and
// checks it is a GGUF before handing it over.
import { basename } from 'node:path';
import type { WellConfig } from '../../src-shared/config.js';
import { DEFAULT_MODELS_DIR, discoverModel } from './discover-model.js';
import { LlmEnricher, type LlmEnricherOptions } from './llm-enricher.js';
import { checkModelPath } from './model-path-policy.js';

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
