// Finding the recordings `npm run eval` scores: every *.csv under the data directory. A shared
// file known by name keeps its entry (and is not read here); any other is recognised by its
// header, read as a base recording and classified by its content (classify.ts). Files that are
// not recordings we can score are listed with the reason, never an error. The I/O edge.
import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectCsvPreset, looksLikeHeaderlessSimple, parseCsvLine } from '../acquisition/csv-presets.js';
import type { CsvPresetName } from '../acquisition/csv-layout.js';
import { carriesReadings } from '../simulator/base-recording.js';
import { loadBaseRecording } from '../simulator/base-file.js';
import { classifyBase, foundRecording, recordingId } from './classify.js';
import { SHARED_RECORDINGS, SIM_NATIVE_ID, SIM_RECORDING, type EvalRecording } from './recordings.js';

export interface IgnoredFile {
  /** The id it would have had. */
  id: string;
  file: string;
  reason: string;
}

export interface Discovery {
  /** The shared recordings found (in their table order), then the others (in path order). */
  recordings: EvalRecording[];
  ignored: IgnoredFile[];
  /** Ids of recognised files not read because --recordings did not ask for them (still valid names). */
  unread: string[];
}

export interface DiscoverOptions {
  /** The bit (in) for a found recording that carries none. */
  bitDiameterIn: number;
  /** Ids to read (null = all): a file not asked for is not loaded, only its header checked. */
  wanted?: readonly string[] | null;
  onProgress?: (line: string) => void;
}

/** Relative, '/'-separated paths of the *.csv files under `dir`, sorted by code point (the same ids on every machine); hidden entries skipped. */
export function csvFilesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...csvFilesUnder(dir, rel));
    else if (e.isFile() && /\.csv$/i.test(e.name)) out.push(rel);
  }
  return out;
}

/** The first non-blank line of a file (read in one small chunk: enough for any header). */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  } finally {
    closeSync(fd);
  }
}

/** The layout the replay reader would use for this file, or why there is none. */
export function layoutOf(path: string): CsvPresetName | { reason: string } {
  let line: string;
  try {
    line = firstLine(path);
  } catch (e) {
    return { reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (line === '') return { reason: 'empty' };
  const cells = parseCsvLine(line);
  const layout = detectCsvPreset(cells) ?? (looksLikeHeaderlessSimple(cells) ? 'simple' : null);
  return layout ?? { reason: `not a CSV layout the replay reads (header: ${cells.slice(0, 4).join(', ')}${cells.length > 4 ? ', …' : ''})` };
}

export async function discoverRecordings(dataDir: string, o: DiscoverOptions): Promise<Discovery> {
  const progress = o.onProgress ?? (() => {});
  const known = new Map(SHARED_RECORDINGS.map((r) => [r.file as string, r]));
  const taken = new Set<string>([...known.values()].map((r) => r.id).concat(SIM_RECORDING.id, SIM_NATIVE_ID));
  const foundKnown = new Set<EvalRecording>();
  const found: EvalRecording[] = [];
  const ignored: IgnoredFile[] = [];
  const unread: string[] = [];
  for (const file of csvFilesUnder(dataDir)) {
    const k = known.get(file);
    if (k) {
      foundKnown.add(k);
      progress(`${file}: ${k.id} (a shared recording known by name)`);
      continue;
    }
    const id = recordingId(file, taken);
    taken.add(id);
    const path = join(dataDir, file);
    const layout = layoutOf(path);
    if (typeof layout !== 'string') {
      ignored.push({ id, file, reason: layout.reason });
      progress(`${file}: ignored (${layout.reason})`);
      continue;
    }
    if (o.wanted && !o.wanted.includes(id)) {
      unread.push(id);
      continue;
    }
    const r = await examine(path, { id, file, layout }, o.bitDiameterIn, progress);
    if ('reason' in r) ignored.push(r);
    else found.push(r);
  }
  return { recordings: [...SHARED_RECORDINGS.filter((r) => foundKnown.has(r)), ...found], ignored, unread };
}

async function examine(path: string, f: { id: string; file: string; layout: CsvPresetName }, bitDiameterIn: number, progress: (line: string) => void): Promise<EvalRecording | IgnoredFile> {
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  progress(`${f.file}: reading (${f.layout} layout, ${(statSync(path).size / 1e6).toFixed(1)} MB)...`);
  let loaded;
  try {
    loaded = await loadBaseRecording(path, { synthesise: [] });
  } catch (e) {
    const reason = (e as Error).message.replace(`${path}: `, '');
    progress(`${f.file}: ignored (${reason})`);
    return { id: f.id, file: f.file, reason };
  }
  const c = classifyBase(loaded.recording);
  if (c.kind === 'ignored') {
    progress(`${f.file}: ignored (${c.reason}; ${took()})`);
    return { id: f.id, file: f.file, reason: c.reason };
  }
  const r = foundRecording({ ...f, hasBit: carriesReadings(loaded.recording, 'bitDiameterIn') }, c, bitDiameterIn);
  const bit = r.discovered?.bit === 'file' ? 'bit from the file' : `bit ${bitDiameterIn} in assumed`;
  progress(`${f.file}: ${r.id}, ${c.kind} (${(c.onsetSeconds / 3600).toFixed(1)} h where an onset can sit, ${bit}; ${took()})`);
  return r;
}
