// Adapter between the Electron shell and the engine: the same boot as headless mode (config
// hierarchy, SQLite storage in the data dir, knowledge base, LLM enricher), minus the server.
import type { Engine } from '../app/engine.js';
import { bootEngine } from '../app/boot.js';

export interface StartEngineOptions {
  /** OS app-data directory (app.getPath('userData')). */
  dataDir: string;
  /** Shipped resources (default well_config.toml, knowledge base, models). */
  resourcesDir: string;
  /** Whether the person picked this model file (real path) in the file dialog. */
  pickedModel: (realPath: string) => boolean;
}

export async function startEngine(options: StartEngineOptions): Promise<Engine> {
  const { engine, configSource } = await bootEngine({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    configPath: null,
    // the saved source (Settings), else the built-in simulator
    source: undefined,
    campaign: null,
    units: null,
    channelMap: null,
    log: (line) => console.log(`[sairen] ${line}`),
    pickedModel: options.pickedModel,
  });
  console.log(`[sairen] configuration: ${configSource}`);
  return engine;
}
