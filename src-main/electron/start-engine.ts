// Adapter between the Electron shell and the engine's composition root. The shell only needs
// an Engine; how it is configured (data dir, resources, config file) is decided here so the
// lead can adjust this one file when createEngine's options settle.
import type { Engine } from '../pipeline/engine.js';

export interface StartEngineOptions {
  /** OS app-data directory (app.getPath('userData')). */
  dataDir: string;
  /** Shipped resources (default well_config.toml, knowledge base, models). */
  resourcesDir: string;
}

type CreateEngine = (options: Record<string, unknown>) => Engine | Promise<Engine>;

// Resolved at run time: the composition root is being written alongside this shell, and a
// computed specifier keeps the shell compiling until it lands.
const CREATE_ENGINE_MODULE = '../pipeline/create-engine.js';

export async function startEngine(options: StartEngineOptions): Promise<Engine> {
  const mod = (await import(CREATE_ENGINE_MODULE)) as { createEngine?: CreateEngine };
  if (typeof mod.createEngine !== 'function') throw new Error('src-main/pipeline/create-engine.ts does not export createEngine');
  const engine = await mod.createEngine({ dataDir: options.dataDir, resourcesDir: options.resourcesDir });
  await engine.start();
  return engine;
}
