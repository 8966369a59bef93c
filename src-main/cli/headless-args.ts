// Argument parsing for `npm run headless`: pure, so every bad-argument message is testable.
import { isIP } from 'node:net';
import { parseCampaign, type Campaign } from '../../src-shared/campaign.js';
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { SCENARIOS, isScenarioName } from '../simulator/scenarios.js';
import { UsageError, choiceFlag, intFlag, parseFlags, speedFlag } from './args.js';

export interface HeadlessOptions {
  source: SourceConfig | null;
  host: string;
  port: number;
  dataDir: string | null;
  configPath: string | null;
  campaign: Campaign | null;
  units: UnitSystem | null;
  channelMap: 'wits-record01' | 'reference' | null;
  statusLines: boolean;
  help: boolean;
  /** Validate this well_config.toml, print the verdict and exit (no engine started). */
  checkConfig: string | null;
  /** --csv only: JSON column map file (CSV header -> channel + unit); the shell reads it. */
  columnMapPath: string | null;
}

export const HEADLESS_USAGE = `usage: npm run headless -- [source] [options]
sources (one):
  --wits-tcp HOST:PORT     connect to a WITS Level 0 TCP server
  --wits-listen [ADDR:]PORT  listen for the rig's logger pushing WITS (binds acquisition.listen_host unless ADDR)
    --wits-allow IP[,IP]   the logger's address(es): who may push besides this machine (acquisition.listen_allow)
  --serial PATH --baud N   read WITS from a serial port (--parity none|even|odd --data-bits 7|8 --stop-bits 1|2
                           --flow-control none|rtscts|xonxoff)
  --stdin                  read WITS frames or JSON lines from standard input
  --csv FILE [--speed N|max] [--column-map FILE]  replay a recording (column map: JSON, header -> channel + unit)
  --simulate SCENARIO [--seed N] [--speed N]  built-in simulator (default when no source is given)
options:
  --host 127.0.0.1  --port 8080  --data-dir DIR  --config FILE
  --campaign production|pa  --units imperial|metric  --channel-map wits-record01|reference
  --quiet  (no status line per second)
  --check-config FILE  validate a well_config.toml (every problem named by key) and exit: 0 valid, 1 not`;

const FLAGS = {
  'wits-tcp': { type: 'string' },
  'wits-listen': { type: 'string' },
  'wits-allow': { type: 'string' },
  serial: { type: 'string' },
  baud: { type: 'string' },
  parity: { type: 'string' },
  'data-bits': { type: 'string' },
  'stop-bits': { type: 'string' },
  'flow-control': { type: 'string' },
  stdin: { type: 'boolean' },
  csv: { type: 'string' },
  simulate: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  config: { type: 'string' },
  campaign: { type: 'string' },
  units: { type: 'string' },
  'channel-map': { type: 'string' },
  'check-config': { type: 'string' },
  'column-map': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SOURCE_FLAGS = ['wits-tcp', 'wits-listen', 'serial', 'stdin', 'csv', 'simulate'] as const;

type Parsed = { ok: true; options: HeadlessOptions } | { ok: false; error: string };
type Values = ReturnType<typeof parseFlags<typeof FLAGS>>;

export function parseHeadlessArgs(argv: string[]): Parsed {
  try {
    return { ok: true, options: optionsFrom(parseFlags(argv, FLAGS)) };
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, error: e.message };
    throw e;
  }
}

function optionsFrom(v: Values): HeadlessOptions {
  const chosen = SOURCE_FLAGS.filter((f) => v[f] !== undefined && v[f] !== false);
  if (chosen.length > 1) throw new UsageError(`choose one source, got ${chosen.map((f) => `--${f}`).join(' and ')}`);
  if (v['column-map'] !== undefined && v.csv === undefined) throw new UsageError('--column-map goes with --csv FILE');
  if (v['wits-allow'] !== undefined && v['wits-listen'] === undefined) throw new UsageError('--wits-allow goes with --wits-listen');
  let campaign: Campaign | null = null;
  if (v.campaign !== undefined) {
    campaign = parseCampaign(v.campaign);
    if (!campaign) throw new UsageError(`--campaign expects production or pa, got "${v.campaign}"`);
  }
  return {
    source: sourceFrom(v),
    host: v.host ?? '127.0.0.1',
    port: v.port === undefined ? 8080 : intFlag('--port', v.port, 0, 65535, 'a port'),
    dataDir: v['data-dir'] ?? null,
    configPath: v.config ?? null,
    campaign,
    units: v.units === undefined ? null : choiceFlag('--units', v.units, ['imperial', 'metric'] as const),
    channelMap: v['channel-map'] === undefined ? null : choiceFlag('--channel-map', v['channel-map'], ['wits-record01', 'reference'] as const),
    statusLines: !v.quiet,
    help: v.help === true,
    checkConfig: v['check-config'] ?? null,
    columnMapPath: v['column-map'] ?? null,
  };
}

function sourceFrom(v: Values): SourceConfig | null {
  const speed = v.speed === undefined ? null : speedFlag(v.speed, true);
  if (v['wits-tcp'] !== undefined) {
    const m = /^(.+):(\d+)$/.exec(v['wits-tcp']);
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port >= 1 && port <= 65535)) throw new UsageError(`--wits-tcp expects HOST:PORT, got "${v['wits-tcp']}"`);
    return { kind: 'tcp', host: m[1], port };
  }
  if (v['wits-listen'] !== undefined) return listenFrom(v['wits-listen'], v['wits-allow']);
  if (v.serial !== undefined) {
    return {
      kind: 'serial',
      path: v.serial,
      baudRate: v.baud === undefined ? 9600 : intFlag('--baud', v.baud, 50, 4_000_000, 'a baud rate'),
      dataBits: v['data-bits'] === '7' ? 7 : Number(choiceFlag('--data-bits', v['data-bits'] ?? '8', ['7', '8'] as const)) as 7 | 8,
      parity: choiceFlag('--parity', v.parity ?? 'none', ['none', 'even', 'odd'] as const),
      stopBits: Number(choiceFlag('--stop-bits', v['stop-bits'] ?? '1', ['1', '2'] as const)) as 1 | 2,
      flowControl: choiceFlag('--flow-control', v['flow-control'] ?? 'none', ['none', 'rtscts', 'xonxoff'] as const),
    };
  }
  if (v.stdin) return { kind: 'stdin' };
  if (v.csv !== undefined) return { kind: 'csv', path: v.csv, speed: speed ?? 'max' };
  if (v.simulate !== undefined) {
    if (!isScenarioName(v.simulate)) throw new UsageError(`--simulate expects a scenario (${SCENARIOS.join(', ')}), got "${v.simulate}"`);
    if (speed === 'max') throw new UsageError('--speed max is for --csv replays; give the simulator a number');
    return { kind: 'simulator', scenario: v.simulate, seed: v.seed === undefined ? 1 : intFlag('--seed', v.seed, 0, 2 ** 31), speed: speed ?? 1 };
  }
  return null;
}

/** --wits-listen PORT or ADDRESS:PORT ([::1]:PORT for IPv6), --wits-allow IP[,IP]. */
function listenFrom(listen: string, allow: string | undefined): SourceConfig {
  const m = /^(?:\[?([0-9a-fA-F:.]+?)\]?:)?(\d+)$/.exec(listen);
  const host = m?.[1];
  if (!m || (host !== undefined && !isIP(host))) {
    throw new UsageError(`--wits-listen expects PORT or ADDRESS:PORT (an IP address to bind, port 1-65535), got "${listen}"`);
  }
  const port = intFlag('--wits-listen', m[2], 1, 65535, 'a port');
  let ips: string[] | undefined;
  if (allow !== undefined) {
    ips = allow.split(',').map((a) => a.trim()).filter(Boolean);
    const bad = ips.find((a) => !isIP(a));
    if (ips.length === 0 || bad !== undefined) throw new UsageError(`--wits-allow expects IP addresses separated by commas, got "${bad ?? allow}"`);
  }
  return { kind: 'listen', port, ...(host ? { host } : {}), ...(ips ? { allow: ips } : {}) };
}
