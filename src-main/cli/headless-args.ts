// Argument parsing for `npm run headless`: pure, so every bad-argument message is testable.
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { parseCampaign, type Campaign } from '../../src-shared/campaign.js';

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
}

export const HEADLESS_USAGE = `usage: npm run headless -- [source] [options]
sources (one):
  --wits-tcp HOST:PORT     connect to a WITS Level 0 TCP server
  --wits-listen PORT       listen for a rig pushing WITS to this port
  --serial PATH --baud N   read WITS from a serial port (--parity none|even|odd --data-bits 7|8 --stop-bits 1|2)
  --stdin                  read WITS frames or JSON lines from standard input
  --csv FILE [--speed N|max]  replay a recording
  --simulate SCENARIO [--seed N] [--speed N]  built-in simulator (default when no source is given)
options:
  --host 127.0.0.1  --port 8080  --data-dir DIR  --config FILE
  --campaign production|pa  --units imperial|metric  --channel-map wits-record01|reference
  --quiet  (no status line per second)
  --check-config FILE  validate a well_config.toml (every problem named by key) and exit: 0 valid, 1 not`;

const BARE_FLAGS = new Set(['--stdin', '--help', '-h', '--quiet']);
const VALUE_FLAGS = new Set([
  '--wits-tcp', '--wits-listen', '--serial', '--baud', '--parity', '--data-bits', '--stop-bits', '--csv',
  '--simulate', '--seed', '--speed', '--host', '--port', '--data-dir', '--config', '--campaign', '--units',
  '--channel-map', '--check-config',
]);

type Parsed = { ok: true; options: HeadlessOptions } | { ok: false; error: string };

const int = (v: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
};

const speedOf = (v: string): number | 'max' | null => {
  if (v === 'max') return 'max';
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
};

export function parseHeadlessArgs(argv: string[]): Parsed {
  const o: HeadlessOptions = {
    source: null,
    host: '127.0.0.1',
    port: 8080,
    dataDir: null,
    configPath: null,
    campaign: null,
    units: null,
    channelMap: null,
    statusLines: true,
    help: false,
    checkConfig: null,
  };
  const sources: string[] = [];
  let speed: number | 'max' | null = null;
  let seed = 1;
  let serial = { baud: 9600, parity: 'none' as 'none' | 'even' | 'odd', dataBits: 8 as 7 | 8, stopBits: 1 as 1 | 2 };
  let pending: (() => SourceConfig) | null = null;

  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!VALUE_FLAGS.has(flag) && !BARE_FLAGS.has(flag)) return { ok: false, error: `unknown option ${flag} (see --help)` };
    const takesValue = VALUE_FLAGS.has(flag);
    const value = argv[i + 1];
    if (takesValue && (value === undefined || value.startsWith('--'))) {
      return { ok: false, error: `${flag} needs a value` };
    }
    if (takesValue) i++;
    switch (flag) {
      case '--help':
      case '-h':
        o.help = true;
        break;
      case '--quiet':
        o.statusLines = false;
        break;
      case '--wits-tcp': {
        const m = /^(.+):(\d+)$/.exec(value);
        const port = m ? int(m[2], 1, 65535) : null;
        if (!m || port === null) return { ok: false, error: `--wits-tcp expects HOST:PORT, got "${value}"` };
        sources.push(flag);
        pending = () => ({ kind: 'tcp', host: m[1], port });
        break;
      }
      case '--wits-listen': {
        const port = int(value, 1, 65535);
        if (port === null) return { ok: false, error: `--wits-listen expects a port 1-65535, got "${value}"` };
        sources.push(flag);
        pending = () => ({ kind: 'listen', port });
        break;
      }
      case '--serial':
        sources.push(flag);
        pending = () => ({ kind: 'serial', path: value, baudRate: serial.baud, dataBits: serial.dataBits, parity: serial.parity, stopBits: serial.stopBits });
        break;
      case '--baud': {
        const b = int(value, 50, 4_000_000);
        if (b === null) return { ok: false, error: `--baud expects a baud rate, got "${value}"` };
        serial = { ...serial, baud: b };
        break;
      }
      case '--parity':
        if (value !== 'none' && value !== 'even' && value !== 'odd') return { ok: false, error: `--parity expects none, even or odd, got "${value}"` };
        serial = { ...serial, parity: value };
        break;
      case '--data-bits':
        if (value !== '7' && value !== '8') return { ok: false, error: `--data-bits expects 7 or 8, got "${value}"` };
        serial = { ...serial, dataBits: value === '7' ? 7 : 8 };
        break;
      case '--stop-bits':
        if (value !== '1' && value !== '2') return { ok: false, error: `--stop-bits expects 1 or 2, got "${value}"` };
        serial = { ...serial, stopBits: value === '2' ? 2 : 1 };
        break;
      case '--stdin':
        sources.push(flag);
        pending = () => ({ kind: 'stdin' });
        break;
      case '--csv':
        sources.push(flag);
        pending = () => ({ kind: 'csv', path: value, speed: speed ?? 'max' });
        break;
      case '--simulate':
        sources.push(flag);
        pending = () => ({ kind: 'simulator', scenario: value, seed, speed: typeof speed === 'number' ? speed : 1 });
        break;
      case '--seed': {
        const s = int(value, 0, 2 ** 31);
        if (s === null) return { ok: false, error: `--seed expects a whole number, got "${value}"` };
        seed = s;
        break;
      }
      case '--speed': {
        const s = speedOf(value);
        if (s === null) return { ok: false, error: `--speed expects a positive number or "max", got "${value}"` };
        speed = s;
        break;
      }
      case '--host':
        o.host = value;
        break;
      case '--port': {
        const p = int(value, 0, 65535);
        if (p === null) return { ok: false, error: `--port expects 0-65535, got "${value}"` };
        o.port = p;
        break;
      }
      case '--check-config':
        o.checkConfig = value;
        break;
      case '--data-dir':
        o.dataDir = value;
        break;
      case '--config':
        o.configPath = value;
        break;
      case '--campaign': {
        const c = parseCampaign(value);
        if (!c) return { ok: false, error: `--campaign expects production or pa, got "${value}"` };
        o.campaign = c;
        break;
      }
      case '--units':
        if (value !== 'imperial' && value !== 'metric') return { ok: false, error: `--units expects imperial or metric, got "${value}"` };
        o.units = value;
        break;
      case '--channel-map':
        if (value !== 'wits-record01' && value !== 'reference') return { ok: false, error: `--channel-map expects wits-record01 or reference, got "${value}"` };
        o.channelMap = value;
        break;
    }
  }
  if (sources.length > 1) return { ok: false, error: `choose one source, got ${sources.join(' and ')}` };
  // Built after all flags so --speed/--seed/--baud may come in any order.
  o.source = pending ? pending() : null;
  if (speed === 'max' && o.source?.kind === 'simulator') {
    return { ok: false, error: '--speed max is for --csv replays; give the simulator a number' };
  }
  return { ok: true, options: o };
}
