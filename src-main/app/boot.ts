// Builds a running engine from options: config file, data directory, storage, knowledge base,
// LLM and source. Shared by the headless CLI and the Electron shell.
import { join, resolve } from 'node:path';
import type { WellConfig } from '../../src-shared/config.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { StartupNotice } from '../../src-shared/health.js';
import type { SourceConfig } from '../../src-shared/source.js';
import { readTextFileOrNull } from '../config/config-file.js';
import { loadConfig } from '../config/load.js';
import { DiskUploadQueue } from '../fleet/upload-queue.js';
import { loadStaticKnowledgeStore } from '../knowledge/knowledge-file.js';
import { RamRecall } from '../knowledge/ram-recall.js';
import { RuntimeSettingsFile } from '../config/runtime-settings.js';
import { createLlmEnricher } from '../llm/create-llm-enricher.js';
import { createEngine, type EngineLog } from './create-engine.js';
import type { Engine } from './engine.js';
import { DatabaseUnusableError } from '../storage/database-file.js';
import { acquireInstanceLock } from '../storage/instance-lock.js';
import { MemoryStore } from '../storage/memory-store.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import { SettingsKeeper } from './settings-keeper.js';
import { openPostgresStorage } from '../storage/open-storage.js';
import { SqliteStore } from '../storage/sqlite-store.js';

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
  /** The structured log file the shell opened (levels, disk-low switch, engineer view's tail). */
  logger?: EngineLog | null;
  /** Model files the person picked in the desktop's file dialog (real paths); none in headless mode. */
  pickedModel?: (realPath: string) => boolean;
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

  const notices: StartupNotice[] = [];
  if (loaded.rejected) {
    notices.push({
      kind: 'config-rejected',
      file: loaded.rejected,
      summary: `configuration file ${loaded.rejected} was not loaded (${loaded.errors.map((e) => e.message).join('; ')}): running on built-in defaults; fix it (npm run headless -- --check-config FILE) and restart.`,
    });
  }
  // PostgreSQL when configured (SQL reporting); else the SQLite file, or memory if it is unusable.
  const { storage, release } =
    config.storage.kind === 'postgres' ? { storage: await openPostgresStorage(config, o.dataDir), release: () => undefined } : openStorage(o, config, notices);
  const kb = loadStaticKnowledgeStore(join(o.resourcesDir, 'knowledge-base.json'));
  if (kb.warning) o.log(kb.warning);
  // Sizes are applied at start, from the file and any saved run-time change of them.
  const settingsFile = new RuntimeSettingsFile(o.dataDir);
  const sizesKeeper = new SettingsKeeper(settingsFile);
  const sizes = sizesKeeper.configOver(config);
  // This first read is the one that finds (and sets aside) a damaged settings file: say so.
  if (sizesKeeper.notice) {
    notices.push(sizesKeeper.notice);
    o.log(sizesKeeper.notice.summary);
  }
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
    logger: o.logger ?? null,
    configSource: loaded.path ?? 'built-in defaults',
    modelPaths: { modelsDir: join(o.resourcesDir, 'models'), picked: o.pickedModel ?? (() => false) },
    notices,
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
      await storage.dispose();
      release();
    },
  };
  return { engine: shellEngine, config, configSource: loaded.path ?? 'built-in defaults' };
}

/** Raw samples the degraded (in-memory) store keeps: enough for the trends, bounded for a long run. */
const DEGRADED_RAW_RETENTION_MS = 6 * 3_600_000;

/**
 * The SQLite store; when its file cannot be used (truncated, not a database, unreadable) the
 * message names the file and what to do, and the engine runs on a bounded in-memory store
 * that the health flag and banner call NOT RECORDING. A 0-byte database set aside is a notice.
 */
function openStorage(o: BootOptions, config: WellConfig, notices: StartupNotice[]): { storage: PersistenceLayer; release: () => void } {
  try {
    const storage = SqliteStore.open({
      dataDir: o.dataDir,
      metricsFlushMs: config.storage.metrics_flush_ms,
      metricsRetentionDays: config.storage.metrics_retention_days,
      rollup1minRetentionDays: config.storage.rollup_1min_retention_days,
      rollup10minRetentionDays: config.storage.rollup_10min_retention_days,
      log: o.log,
    });
    if (storage.setAside) {
      notices.push({
        kind: 'file-set-aside',
        file: storage.file,
        summary: `database ${storage.file} ${storage.setAside.reason}: kept as ${storage.setAside.movedTo}; a new database was started (earlier records, if any, are in the kept file).`,
      });
    }
    return { storage, release: () => undefined };
  } catch (e) {
    if (!(e instanceof DatabaseUnusableError)) throw e;
    o.log(e.message);
    const lock = acquireInstanceLock(o.dataDir); // still one instance per data directory
    notices.push({ kind: 'not-recording', file: e.file, summary: e.message });
    return { storage: new MemoryStore({ metricsRetentionDays: config.storage.metrics_retention_days, rawRetentionMs: DEGRADED_RAW_RETENTION_MS }), release: () => lock.release() };
  }
}
