// `npm run headless`: the engine without a window. Serves the HTTP API, the WebSocket Bridge
// and the built dashboard, and prints one status line per second.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATION_CODES } from '../../src-shared/campaign.js';
import { loadColumnMapFor } from '../acquisition/column-map-file.js';
import { bootEngine } from '../app/boot.js';
import { exitUsage } from './args.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { HEADLESS_USAGE, parseHeadlessArgs } from './headless-args.js';
import { checkConfigFile } from './check-config.js';
import { defaultDataDir } from '../app/data-dir.js';
import { startApiServer } from '../headless/server.js';
import { ApiListenerCheck } from '../health/checks/api-listener-check.js';
import { createLogger } from '../logging/logger.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** SIGTERM/SIGINT to exit, at most: the server gets 2 s of it, the engine the rest. */
const SHUTDOWN_DEADLINE_MS = 5000;

async function main(): Promise<void> {
  const parsed = parseHeadlessArgs(process.argv.slice(2));
  if (!parsed.ok) exitUsage('headless', parsed.error);
  const o = parsed.options;
  if (o.help) {
    process.stdout.write(`${HEADLESS_USAGE}\n`);
    return;
  }
  if (o.checkConfig) process.exit(checkConfigFile(o.checkConfig));
  if (o.columnMapPath !== null && o.source?.kind === 'csv') {
    const map = await loadColumnMapFor(o.source.path, o.columnMapPath);
    if (!map.ok) exitUsage('headless', map.error);
    o.source = { ...o.source, columns: map.columns };
  }
  const dataDir = resolve(o.dataDir ?? defaultDataDir());
  // Structured lines in <data dir>/logs/sairen.log (rotated), the same line in plain words on stderr.
  const logger = createLogger({ dataDir, echo: (line) => process.stderr.write(`${line}\n`) });
  const log = logger.log;
  const buildErr = ensureRendererBuilt(root, log);
  if (buildErr) log(buildErr);

  let booted;
  try {
    booted = await bootEngine({
      dataDir,
      configPath: o.configPath,
      source: o.source ?? undefined,
      campaign: o.campaign,
      units: o.units,
      channelMap: o.channelMap,
      resourcesDir: join(root, 'resources'),
      log,
      logger,
    });
  } catch (e) {
    process.stderr.write(`sairen headless: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const { engine, config } = booted;
  let server;
  try {
    server = await startApiServer(engine, {
      host: o.host,
      port: o.port,
      token: config.server.token || undefined,
      openReads: config.server.open_reads,
      bodyLimitBytes: config.server.body_limit_bytes,
      maxConnections: config.server.max_connections,
      staticDir: join(root, 'dist-renderer'),
    });
  } catch (e) {
    await engine.dispose();
    process.stderr.write(`sairen headless: cannot serve on ${o.host}:${o.port}: ${(e as Error).message}\n`);
    process.exit(1);
  }
  // The self-healer asks our own /api/v1/health on loopback every pass: bound and answering.
  engine.registerHealthCheck(new ApiListenerCheck({ host: o.host, port: server.port, token: config.server.token || null }));
  process.stdout.write(`SAIREN headless: ${engine.status().source.description}; data in ${dataDir}; dashboard ${server.url}/\n`);

  const ticker = o.statusLines
    ? setInterval(() => {
        const s = engine.status();
        const a = s.currentAdvisory;
        process.stdout.write(
          `${new Date().toISOString().slice(11, 19)} source=${s.source.state} packets=${s.counts.packets} rejected=${s.counts.rejectedPackets} ` +
            `state=${s.rigState} op=${OPERATION_CODES[s.operation]} tickets=${s.counts.tickets} advisories=${s.counts.advisories} ` +
            `health=${s.health.overall}${a ? ` last=${a.severity}:${a.fault}` : ''}\n`,
        );
      }, 1000)
    : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (ticker) clearInterval(ticker);
    process.stderr.write(`sairen headless: ${signal}, shutting down\n`);
    // Whatever a client or a source does, the process is gone within the deadline.
    setTimeout(() => {
      process.stderr.write(`sairen headless: shutdown still busy after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting\n`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await server.close().catch(() => {});
    await engine.dispose().catch((e) => log(`shutdown: ${(e as Error).message}`));
    logger.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
