// Replaying a recording twice gives identical ML reports (pure stages, data time only), and the
// replay report lists them. The recording is 2 h of simulated drilling written as CSV.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { MlReport } from '../../../src-shared/ml.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { summariseMlReport } from '../../../src-main/ml/report-summary.js';
import { replayCsv } from '../../../src-main/pipeline/replay.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { CSV_HEADER, createSimulation, formatCsvRow } from '../../../src-main/simulator/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-ml-replay-'));
const csv = path.join(dir, 'two-hours.csv');
const rows = [CSV_HEADER];
for (const s of createSimulation({ scenario: 'normal', seed: 3, durationS: 2 * 3600 + 60 })) rows.push(formatCsvRow(s));
fs.writeFileSync(csv, `${rows.join('\n')}\n`);

let first: Awaited<ReturnType<typeof replayCsv>>;
beforeAll(async () => {
  first = await replayCsv(csv, { config: defaultConfig(), speed: 'max' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('replay and the ML engine', () => {
  it('lists the hourly reports of the recording and gives identical ones on a second replay', async () => {
    const second = await replayCsv(csv, { config: defaultConfig(), speed: 'max' });
    expect(first.ml.reports.map((r) => r.time)).toEqual(['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z']);
    expect(first.ml.reports.every((r) => r.status === 'success' && r.optimum !== null)).toBe(true);
    expect(second.ml).toEqual(first.ml);
    // Advisories that quote the optimum are reproducible too.
    expect(second.advisories).toEqual(first.advisories);
  });
});

describe('the live CSV source (headless --csv FILE --speed max)', () => {
  it('gives the same hourly reports as npm run replay, through the worker thread', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), source: { kind: 'csv', path: csv, speed: 'max' }, healthIntervalMs: 0 });
    const live: MlReport[] = [];
    engine.on('mlReport', (r) => live.push(r));
    await engine.start();
    const end = Date.now() + 120_000;
    while (live.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await engine.dispose();
    expect(live.map(summariseMlReport)).toEqual(first.ml.reports);
  });
});
