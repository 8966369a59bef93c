// `npm run hub`: the fleet hub service. Configuration from the environment (see config.ts);
// a bad value stops it with one line and exit code 2.
import { hubConfigFromEnv } from './config.js';
import { startHub } from './server.js';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

async function main(): Promise<void> {
  const cfg = hubConfigFromEnv(process.env);
  if (!cfg.ok) {
    process.stderr.write(`sairen hub: ${cfg.message}\n`);
    process.exit(2);
  }
  let hub;
  try {
    hub = await startHub(cfg.config, { log });
  } catch (e) {
    process.stderr.write(`sairen hub: ${(e as Error).message}\n`);
    process.exit(1);
  }
  log(`SAIREN fleet hub listening on ${hub.url} (library cap ${cfg.config.libraryCap})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void hub.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
