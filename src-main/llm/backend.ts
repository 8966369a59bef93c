// The I/O edge of the LLM layer: something that loads a model file and turns a prompt into a
// JSON string constrained by a JSON schema. The enricher only knows this interface, so tests
// can swap in stand-ins (one that never answers, one that answers fixed text).

/** A JSON schema in the subset node-llama-cpp's grammar generator understands. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Chat-style prompt: the backend wraps it in the model's chat template (ChatML for Qwen). */
export interface LlmPrompt {
  system: string;
  user: string;
}

export interface GenerateOptions {
  maxTokens: number;
  temperature: number;
  /** Aborting must make `generateJson` reject soon; the enricher also stops waiting on its own. */
  signal: AbortSignal;
  /** Fixed seed for reproducible output (tests). */
  seed?: number;
}

/** Which compute device ran the model: a GPU backend name or 'cpu'. */
export type InferenceDevice = 'cuda' | 'vulkan' | 'metal' | 'cpu';

export interface LoadedModel {
  /** Human name: the GGUF's general.name, else the file name. */
  model: string;
  device: InferenceDevice;
}

export interface InferenceBackend {
  /** Loads the model file (idempotent for the same path). Rejects with a readable reason. */
  load(modelPath: string): Promise<LoadedModel>;
  /** Generates one completion constrained to `schema`; resolves to the raw JSON text. */
  generateJson(prompt: LlmPrompt, schema: JsonSchema, opts: GenerateOptions): Promise<string>;
  dispose(): Promise<void>;
}
