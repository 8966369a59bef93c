// WITS from stdin (piped simulator or a serial capture), or one JSON packet per line
// (DOMAIN §1.3, snake_case keys, or our own camelCase). A line whose first non-space char is
// `{` is JSON; anything else goes to the WITS parser. Bad lines are counted, never thrown.
import type { Readable } from 'node:stream';
import { CHANNELS, makePacket, type Channel, type WitsPacket } from '../../src-shared/wits.js';
import { toCanonical } from './channel-map.js';
import { SourceBase, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

/** DOMAIN §1.3 snake_case key -> channel. */
export const SNAKE_CASE_KEYS: Readonly<Record<string, Channel>> = {
  bit_depth: 'bitDepthFt',
  hole_depth: 'holeDepthFt',
  block_position: 'blockHeightFt',
  rop: 'ropFtHr',
  hook_load: 'hookLoadKlbf',
  wob: 'wobKlbf',
  rpm: 'rpm',
  torque: 'torqueKftLbf',
  spp: 'sppPsi',
  casing_pressure: 'casingPressurePsi',
  pump_spm: 'pumpSpm',
  flow_in: 'flowInGpm',
  flow_out: 'flowOutGpm',
  pit_volume: 'pitVolumeBbl',
  pit_volume_change: 'pitVolumeChangeBbl',
  trip_tank: 'tripTankBbl',
  mud_weight_in: 'mudWeightInPpg',
  mud_weight_out: 'mudWeightOutPpg',
  mud_temp_in: 'mudTempInF',
  mud_temp_out: 'mudTempOutF',
  gas_units: 'gasUnits',
  h2s: 'h2sPpm',
  co2: 'co2Percent',
  ecd: 'ecdPpg',
  bit_diameter: 'bitDiameterIn',
};

const CAMEL = new Set<string>(CHANNELS);

/**
 * One JSON line -> packet, or null when it is not an object with at least one channel.
 * `timestamp` is Unix seconds (DOMAIN) or `timeMs` epoch ms; without either, `receivedAtMs`.
 * Values arrive in the source's unit system like any other feed.
 */
export function packetFromJson(line: string, settings: WitsDecodeSettings, receivedAtMs: number): WitsPacket | null {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return null;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
  const rec = obj as Record<string, unknown>;
  const values: Partial<Record<Channel, number | null>> = {};
  let found = 0;
  const nulls = [-999.25, -9999, ...(settings.nullValues ?? [])];
  for (const [key, raw] of Object.entries(rec)) {
    const channel = SNAKE_CASE_KEYS[key] ?? (CAMEL.has(key) ? (key as Channel) : undefined);
    if (!channel) continue;
    if (raw === null) {
      values[channel] = null;
      found++;
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
    found++;
    values[channel] = nulls.some((n) => Math.abs(raw - n) < 1e-9) ? null : toCanonical(channel, raw, settings.units);
  }
  if (found === 0) return null;
  let timeMs = receivedAtMs;
  if (typeof rec.timeMs === 'number' && Number.isFinite(rec.timeMs) && rec.timeMs > 0) timeMs = rec.timeMs;
  else if (typeof rec.timestamp === 'number' && Number.isFinite(rec.timestamp) && rec.timestamp > 0) timeMs = rec.timestamp * 1000;
  else if (typeof rec.timestamp === 'string' && Number.isFinite(Date.parse(rec.timestamp))) timeMs = Date.parse(rec.timestamp);
  return makePacket(timeMs, values);
}

export class StdinSource extends SourceBase {
  private readonly decoder: WitsStreamDecoder;
  private readonly now: () => number;
  private pending = '';
  private jsonBad = 0;
  private running = false;
  private readonly onData = (chunk: Buffer | string) => this.push(chunk);
  private readonly onEnd = () => {
    this.push('\n'); // flush a last line without a newline
    if (this.running) this.setState('offline', 'input ended');
  };

  constructor(
    private readonly settings: WitsDecodeSettings,
    private readonly input: Readable = process.stdin,
    private readonly maxLineChars = 64 * 1024,
  ) {
    super('stdin', 'WITS or JSON lines on stdin', settings.units);
    this.decoder = new WitsStreamDecoder(settings);
    this.now = settings.now ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.setState('connected', 'reading stdin');
  }

  async dispose(): Promise<void> {
    this.running = false;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    if (this.input === process.stdin) process.stdin.pause();
    this.setState('stopped', 'stopped');
  }

  /** Splits into lines: JSON lines are decoded here, everything else goes to the WITS parser. */
  private push(chunk: Buffer | string): void {
    const text = this.pending + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    const lines = text.split(/\r\n|\r|\n/);
    this.pending = lines.pop() ?? '';
    if (this.pending.length > this.maxLineChars) {
      this.pending = '';
      this.jsonBad++;
    }
    const now = this.now();
    const out: WitsPacket[] = [];
    for (const line of lines) {
      if (line.trimStart().startsWith('{')) {
        const p = packetFromJson(line, this.settings, now);
        if (p) out.push(p);
        else this.jsonBad++;
      } else {
        out.push(...this.decoder.push(line + '\n', now));
      }
    }
    this.st.badLines = this.decoder.badLines + this.jsonBad;
    this.st.rejected = this.decoder.stats.emptyFrames;
    for (const p of out) this.emit(p);
  }
}
