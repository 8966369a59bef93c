// Builds a running engine from options: config file, data directory, storage, knowledge base,
// LLM and source. Shared by the headless CLI and the Electron shell.
import { join, resolve } from 'node:path';
import type { WellConfig } from '../../src-shared/config.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { SourceConfig } from '../../src-shared/source.js';
import { readTextFileOrNull } from '../config/config-file.js';
import { loadConfig } from '../config/load.js';
import { DiskUploadQueue } from '../fleet/upload-queue.js';
import { loadStaticKnowledgeStore } from '../knowledge/knowledge-file.js';
import { RamRecall } from '../knowledge/ram-recall.js';
import { RuntimeSettingsFile } from '../config/runtime-settings.js';
import { createLlmEnricher } from '../llm/llm-enricher.js';
import { createEngine } from './create-engine.js';
import type { Engine } from './engine.js';
import { SettingsKeeper } from './settings-keeper.js';
import { openStorage } from '../storage/open-storage.js';

export interface BootOptions {
  dataDir: string;
  configPath: string | null;
  /** Chosen on the command line; undefined = the saved source, else the simulator. */
  source: SourceConfig | undefined;
  campaign: Campaign | null;
  units: WellConfig['acquisition']['units'] | null;
  channelMap: WellConfig['acquisition']['channel_map'] | null;
  resourcesDir: string;
  log: (line: string) => void;
}

export interface Booted {
  engine: Engine;
  config: WellConfig;
  configSource: string;
}

/** Throws an Error with a one-line message for things the user must fix (lock, permissions). */
export async function bootEngine(o: BootOptions): Promise<Booted> {
  const env = { ...process.env };
  if (o.configPath) env.SAIREN_CONFIG = resolve(o.configPath);
  const loaded = loadConfig({ env, cwd: process.cwd(), readFile: readTextFileOrNull });
  for (const w of loaded.warnings) o.log(`config warning: ${w.message}`);
  for (const e of loaded.errors) o.log(`config error: ${e.message}`);
  if (o.configPath && loaded.errors.length > 0) {
    throw new Error(`configuration ${o.configPath} is invalid (see above); fix it or run without --config`);
  }
  let config = loaded.config;
  if (o.units || o.channelMap) {
    config = {
      ...config,
      acquisition: { ...config.acquisition, units: o.units ?? config.acquisition.units, channel_map: o.channelMap ?? config.acquisition.channel_map },
    };
  }

  const storage = await openStorage(config, o.dataDir);
  const kb = loadStaticKnowledgeStore(join(o.resourcesDir, 'knowledge-base.json'));
  if (kb.warning) o.log(kb.warning);
  // Sizes are applied at start, from the file and any saved run-time change of them.
  const settingsFile = new RuntimeSettingsFile(o.dataDir);
  const sizes = new SettingsKeeper(settingsFile).configOver(config);
  // Opened even while recall is switched off, so switching it on at run time works.
  const recall = await RamRecall.open({ store: storage, dataDir: o.dataDir, capacity: sizes.knowledge.recall_capacity, log: (l) => o.log(`[recall] ${l}`) });
  const s = recall.stats();
  o.log(`[recall] ${s.episodes} episodes (index ${s.index}${s.rebuildReason ? `: ${s.rebuildReason}` : ''})`);
  let uploadQueue: DiskUploadQueue | null = null;
  try {
    uploadQueue = await DiskUploadQueue.open({ dataDir: o.dataDir, capacity: sizes.fleet.queue_capacity, log: (l) => o.log(`[fleet] ${l}`) });
  } catch (e) {
    // The advisory path does not depend on the fleet: run without the queue and say why.
    o.log(`[fleet] upload queue unavailable, confirmed events are not kept for the fleet: ${(e as Error).message}`);
  }
  const enricher = createLlmEnricher(config, {
    modelsDir: join(o.resourcesDir, 'models'),
    log: (e) => o.log(`[llm] ${e.advisoryId ? `${e.advisoryId}: ` : ''}${e.message}`),
  });
  // Load the model in the background: the engine serves template advisories meanwhile.
  void enricher.start().then((s) => o.log(`[llm] ${s.mode === 'llm' ? `${s.model} on ${s.device}` : `template-only: ${s.detail}`}`));
  const engine = createEngine(config, {
    storage,
    knowledge: kb.store,
    recall,
    uploadQueue,
    enricher,
    dataDir: o.dataDir,
    source: o.source,
    // No rig feed chosen or saved: the built-in simulator, flagged on screen as simulated.
    defaultSource: { kind: 'simulator', scenario: 'normal', seed: 1, speed: 1 },
    settingsFile,
    campaign: o.campaign ?? undefined,
    log: o.log,
  });
  await engine.start();
  // The shell's engine also closes what boot opened for it (the engine closes only its own).
  const shellEngine: Engine = {
    ...engine,
    async dispose() {
      await engine.dispose();
      await enricher.dispose();
      await recall.dispose();
      await uploadQueue?.close();
      await storage.close();
    },
  };
  return { engine: shellEngine, config, configSource: loaded.path ?? 'built-in defaults' };
}
