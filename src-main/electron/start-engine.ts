// Adapter between the Electron shell and the engine: the same boot as headless mode (config
// hierarchy, SQLite storage in the data dir, knowledge base, LLM enricher), minus the server.
import type { Engine } from '../app/engine.js';
import { bootEngine } from '../app/boot.js';
import { createLogger } from '../logging/logger.js';

export interface StartEngineOptions {
  /** OS app-data directory (app.getPath('userData')). */
  dataDir: string;
  /** Shipped resources (default well_config.toml, knowledge base, models). */
  resourcesDir: string;
  /** Whether the person picked this model file (real path) in the file dialog. */
  pickedModel: (realPath: string) => boolean;
}

export async function startEngine(options: StartEngineOptions): Promise<Engine> {
  // Structured lines in <userData>/logs/sairen.log (rotated); the console gets the plain line.
  const logger = createLogger({ dataDir: options.dataDir, echo: (line) => console.log(`[sairen] ${line}`) });
  const { engine, configSource } = await bootEngine({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    configPath: null,
    // the saved source (Settings), else the built-in simulator
    source: undefined,
    campaign: null,
    units: null,
    channelMap: null,
    log: logger.log,
    logger,
    pickedModel: options.pickedModel,
  });
  logger.log(`configuration: ${configSource}`);
  return { ...engine, dispose: async () => {
    await engine.dispose();
    logger.close();
  } };
}
