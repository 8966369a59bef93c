// Report downloads over real HTTP (headless mode's routes), and the shift report the engine
// writes by itself into <data dir>/reports when data time crosses a shift change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { nextShiftStart, shiftStartAt } from '../../../src-shared/shift-clock.js';
import { pdfText } from '../../support/pdf-tools.js';
import { WELL_NAME, recordShift, type RecordedShift } from '../../support/report-well.js';

// 40 min of a kick, starting 20 min before a 06:00 shift change (local time).
const START_MS = new Date(2025, 0, 2, 5, 40).getTime();
let shift: RecordedShift;
let server: ApiServer;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-report-api-'));
  shift = await recordShift({ scenario: 'kick', durationS: 2400, startMs: START_MS, changes: false, ackEvery: 2, autoWrite: true });
  server = await startApiServer(shift.engine, { host: '127.0.0.1', port: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await shift?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const get = (p: string) => fetch(`${server.url}/api/v1${p}`);

describe('GET /api/v1/reports/...', () => {
  it('shift.pdf?from&to downloads a PDF with the well name and every advisory', async () => {
    const r = await get(`/reports/shift.pdf?from=${shift.firstMs}&to=${shift.lastMs}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="sairen-shift-aerfugl-ost-3-bronn-a-\d{8}-\d{4}-\d{8}-\d{4}\.pdf"$/);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'shift.pdf');
    fs.writeFileSync(file, bytes);
    const text = pdfText(file);
    expect(text).toContain(WELL_NAME);
    expect(shift.advisories.length).toBeGreaterThan(0);
    for (const a of shift.advisories) expect(text).toContain(a.id);
  });

  it('well.csv and well.json, ISO times accepted, metric on request', async () => {
    const csv = await get('/reports/well.csv?units=metric');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text).toContain(`well,${WELL_NAME}`);
    expect(text).toContain('units,metric');
    const json = await get(`/reports/shift.json?from=${new Date(shift.firstMs).toISOString()}&to=${new Date(shift.lastMs).toISOString()}`);
    expect(json.status).toBe(200);
    const doc = (await json.json()) as { model: { advisories: unknown[]; acknowledgements: number } };
    expect(doc.model.advisories).toHaveLength(shift.advisories.length);
    expect(doc.model.acknowledgements).toBe(shift.acks.length);
  });

  it('interval.pdf takes a depth range; one never drilled is a 404 that says so', async () => {
    const model = (await (await get('/reports/well.json')).json()) as { model: { drilling: { depthStartFt: number; depthEndFt: number } } };
    const { depthStartFt, depthEndFt } = model.model.drilling;
    const ok = await get(`/reports/interval.pdf?fromDepth=${Math.ceil(depthStartFt + 5)}&toDepth=${Math.floor(depthEndFt - 5)}`);
    expect(ok.status).toBe(200);
    const deep = await get('/reports/interval.pdf?fromDepth=40000&toDepth=41000');
    expect(deep.status).toBe(404);
    expect(await deep.json()).toMatchObject({ error: 'not-found', message: expect.stringMatching(/never reached 40000 ft/) });
  });

  it('rejects bad parameters with a readable 400', async () => {
    const cases: [string, RegExp][] = [
      ['/reports/shift.pdf?from=yesterday&to=1', /"yesterday" is not a time/],
      ['/reports/shift.pdf?from=1000', /give both fromMs and toMs/],
      ['/reports/interval.csv?fromDepth=500', /toDepth/],
      ['/reports/interval.csv?fromDepth=900&toDepth=500', /fromDepthFt must be shallower/],
      ['/reports/well.pdf?units=furlongs', /units/],
      ['/reports/well.pdf?colour=red', /colour/],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(((await r.json()) as { message: string }).message, url).toMatch(message);
    }
    expect((await get('/reports/well.docx')).status).toBe(404);
  });
});

describe('the automatic shift report', () => {
  it('is written into <data dir>/reports when data time crosses the shift change, as PDF and JSON', async () => {
    const boundary = nextShiftStart(START_MS, [6, 18]);
    expect(boundary).toBeLessThan(shift.lastMs); // the run crossed 06:00
    const dir = path.join(shift.dataDir, 'reports');
    const deadline = Date.now() + 60_000;
    let files: string[] = [];
    while (Date.now() < deadline) {
      files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.part')) : [];
      if (files.length >= 2) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(files.sort()).toEqual([expect.stringMatching(/^sairen-shift-.*\.json$/), expect.stringMatching(/^sairen-shift-.*\.pdf$/)]);
    const json = JSON.parse(fs.readFileSync(path.join(dir, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(json.model.period).toMatchObject({ fromMs: shiftStartAt(boundary - 1, [6, 18]), toMs: boundary });
    // the shift had data only from 05:40: the missing hours show as a feed outage
    expect(json.model.feed.packets).toBe(20 * 60);
    expect(json.model.feed.outages[0]).toMatchObject({ fromMs: json.model.period.fromMs, toMs: START_MS });
    expect(pdfText(path.join(dir, files.find((f) => f.endsWith('.pdf'))!))).toContain(WELL_NAME);
  });
});
