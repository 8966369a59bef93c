// Running `simulate --base FILE`: the recording (expanded to 1 Hz, missing channels made up)
// with one injected fault, written to the same outputs as the model (TCP, serial, stdout,
// CSV) plus the ground truth. The I/O edge around base-recording.ts and inject.ts.
import fs from 'node:fs';
import type { UnitSystem } from '../../src-shared/units.js';
import { CHANNELS } from '../../src-shared/wits.js';
import type { ChannelMapPreset } from '../acquisition/channel-map.js';
import type { BaseRunOptions } from './base-args.js';
import { loadBaseRecording, type LoadedBase } from './base-file.js';
import { isoAt, recordingSamples, type BaseRecording } from './base-recording.js';
import { faultSpec, InjectionError } from './fault-profiles.js';
import { injectFault, type InjectionTruth } from './inject.js';
import { runSamplesLive } from './live.js';
import type { SimSample } from './model.js';
import { startWitsServer } from './server.js';
import { canonicalCsvHeader, createWitsFormatter, formatCanonicalCsvRow } from './wire.js';

export type BaseOutput =
  | { kind: 'port'; port: number; host: string }
  | { kind: 'serial'; path: string }
  | { kind: 'stdout' }
  | { kind: 'csv'; file: string };

export interface BaseRunContext {
  seed: number;
  speed: number | 'max';
  output: BaseOutput;
  units: UnitSystem;
  channelMap: ChannelMapPreset;
  groundTruthFile: string | null;
  /** Move the recording to start here (epoch ms); undefined = its own times. */
  startMs: number | undefined;
}

/** Bad options for this recording (onset outside it, a fault it has no channel for): exit 2. */
export class BaseUsageError extends Error {}

export interface BaseGroundTruth {
  source: 'recording';
  base: {
    file: string;
    preset: string | null;
    rows: number;
    skippedRows: number;
    startTime: string;
    lengthS: number;
    synthesised: string[];
    seed: number;
  };
  fault: InjectionTruth | null;
}

export async function prepareBase(b: BaseRunOptions, seed: number): Promise<{ recording: BaseRecording; truth: BaseGroundTruth }> {
  let loaded: LoadedBase;
  try {
    loaded = await loadBaseRecording(b.file, { seed, bitDiameterIn: b.bitDiameterIn ?? undefined, synthesise: b.synthesise ? undefined : [] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new BaseUsageError(err.code === 'ENOENT' ? `cannot read ${b.file}` : `${b.file}: ${err.message}`);
  }
  let recording = loaded.recording;
  let fault: InjectionTruth | null = null;
  if (b.fault) {
    const spec = faultSpec(b.fault, b.onsetS ?? 0, {
      size: b.size ?? undefined,
      rampS: b.rampS ?? undefined,
      holdS: b.holdS ?? undefined,
      periodS: b.periodS ?? undefined,
    });
    try {
      const injected = injectFault(recording, spec, { bitDiameterIn: b.bitDiameterIn ?? undefined });
      recording = injected.recording;
      fault = injected.truth;
    } catch (e) {
      if (e instanceof InjectionError) throw new BaseUsageError(`${b.file}: ${e.message}`);
      throw e;
    }
  }
  const truth: BaseGroundTruth = {
    source: 'recording',
    base: {
      file: b.file,
      preset: loaded.preset,
      rows: loaded.rows,
      skippedRows: loaded.skippedRows,
      startTime: isoAt(recording, 0),
      lengthS: recording.lengthS,
      synthesised: [...recording.synthesised],
      seed,
    },
    fault,
  };
  return { recording, truth };
}

export async function runBaseCli(b: BaseRunOptions, o: BaseRunContext): Promise<void> {
  const { recording, truth } = await prepareBase(b, o.seed);
  const shiftMs = o.startMs === undefined ? 0 : o.startMs - recording.startMs;
  const samples = recordingSamples(recording, 0, b.durationS ?? recording.lengthS);
  const next = (): SimSample | null => {
    const r = samples.next();
    return r.done ? null : shiftMs === 0 ? r.value : { ...r.value, timeMs: r.value.timeMs + shiftMs };
  };
  const shifted = (iso: string): string => new Date(Date.parse(iso) + shiftMs).toISOString();
  const writtenTruth: BaseGroundTruth =
    shiftMs === 0 || !truth.fault
      ? truth
      : { ...truth, fault: { ...truth.fault, onset: shifted(truth.fault.onset), fullSize: shifted(truth.fault.fullSize), end: shifted(truth.fault.end) } };
  if (o.groundTruthFile) fs.writeFileSync(o.groundTruthFile, JSON.stringify(writtenTruth, null, 2) + '\n');
  const what = truth.fault ? `${truth.fault.fault} ${truth.fault.size} ${truth.fault.sizeUnit} at ${truth.fault.onsetS} s` : 'no fault';
  process.stderr.write(`simulator: ${b.file} (${truth.base.preset}, ${recording.lengthS} s at 1 Hz, made up: ${truth.base.synthesised.join(', ') || 'nothing'}), ${what}\n`);

  if (o.output.kind === 'port') {
    const server = await startWitsServer({ port: o.output.port, host: o.output.host, channelMap: o.channelMap, units: o.units, speed: o.speed, next });
    process.stderr.write(`simulator: on tcp://${o.output.host}:${server.port}\n`);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const channels = CHANNELS.filter((c) => recording.channels[c] !== undefined);
  let sink: fs.WriteStream | NodeJS.WriteStream;
  let toText: (s: SimSample, i: number) => string;
  if (o.output.kind === 'csv') {
    sink = fs.createWriteStream(o.output.file);
    sink.write(canonicalCsvHeader(channels) + '\n');
    toText = (s) => formatCanonicalCsvRow(s, channels) + '\n';
  } else {
    sink = o.output.kind === 'serial' ? fs.createWriteStream(o.output.path, { flags: 'w' }) : process.stdout;
    toText = createWitsFormatter({ channelMap: o.channelMap, units: o.units });
  }
  sink.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`sairen simulate: ${err.message}\n`);
    process.exit(1);
  });
  let index = 0;
  const run = runSamplesLive(next, o.speed, (s) => void sink.write(toText(s, index++)), () => !sink.writableNeedDrain);
  process.once('SIGINT', () => run.stop());
  process.once('SIGTERM', () => run.stop());
  await run.done;
  if (sink.writableNeedDrain) await new Promise<void>((r) => sink.once('drain', () => r()));
  if (sink !== process.stdout) await new Promise<void>((r) => sink.end(() => r()));
}
