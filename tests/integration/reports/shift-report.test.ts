// A 12 h simulated shift with several faults, through the real engine into a real SQLite
// file, exported as a PDF the way the renderer asks for it (exportReport, PDF drawn in the
// worker thread), and read back with poppler: the well name, every advisory id and
// acknowledgement, the counts, every page renders, the charts are drawn.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFile, ReportModel, ReportProgress } from '../../../src-shared/reports.js';
import { inflatedStreams, pdfPageCount, pdfText, readPgm, renderPages } from '../../support/pdf-tools.js';
import { NOTES, WELL_NAME, recordShift, type RecordedShift } from '../../support/report-well.js';

let shift: RecordedShift;
let tmp: string;
let pdf: ReportFile;
let pdfFile: string;
let model: ReportModel;
const progress: ReportProgress[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-pdf-'));
  shift = await recordShift();
  shift.engine.on('reportProgress', (p) => progress.push(p));
  const range = { kind: 'shift' as const, fromMs: shift.firstMs, toMs: shift.lastMs + 1000 };
  const built = await shift.engine.call('buildReport', range);
  if (!built.ok) throw new Error(built.error.message);
  model = built.value;
  const exported = await shift.engine.call('exportReport', { ...range, format: 'pdf', jobId: 'job-1' });
  if (!exported.ok) throw new Error(exported.error.message);
  pdf = exported.value;
  pdfFile = path.join(tmp, pdf.fileName);
  fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
}, 240_000);

afterAll(async () => {
  await shift?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('12 h shift report from the mixed scenario', () => {
  it('covers several faults, some acknowledged', () => {
    expect(new Set(shift.advisories.map((a) => a.fault)).size).toBeGreaterThanOrEqual(5);
    expect(shift.acks.length).toBeGreaterThan(10);
    expect(model.advisories.map((a) => a.id)).toEqual(shift.advisories.map((a) => a.id));
  });

  it('is a PDF whose text has the well, rig and every advisory id and acknowledgement', () => {
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.fileName).toMatch(/^sairen-shift-aerfugl-ost-3-bronn-a-\d{8}-\d{4}-\d{8}-\d{4}\.pdf$/);
    const text = pdfText(pdfFile);
    expect(text).toContain(WELL_NAME);
    expect(text).toContain('Ran Ørn');
    expect(text).toContain('Åsgard Drilling');
    for (const a of shift.advisories) expect(text, a.id).toContain(a.id);
    const flat = text.replace(/\s+/g, ' ');
    for (const k of shift.acks) {
      expect(text, k.id).toContain(k.id);
      expect(flat).toContain(k.actor);
    }
    // Norwegian letters in notes come back exactly (the note wraps in its cell: compare words).
    for (const word of NOTES.split(' ')) expect(flat).toContain(word);
    expect(flat).toContain('Kari Ødegård');
  });

  it('prints the right counts', async () => {
    const layout = pdfText(pdfFile, { layout: true });
    const figure = (label: string) => Number(new RegExp(`${label}\\s+(\\d+)`).exec(layout)?.[1]);
    const unacked = shift.advisories.length - new Set(shift.acks.map((k) => k.advisoryId)).size;
    expect(figure('Advisories')).toBe(shift.advisories.length);
    // one stored alarm event per fault episode (issue 12), each advisory linked to its event
    expect(model.alarmRate.source).toBe('alarm-events');
    expect(shift.advisories.every((a) => a.eventId)).toBe(true);
    expect(figure('Events')).toBe(new Set(shift.advisories.map((a) => a.eventId)).size);
    expect(figure('Alarms \\(new \\+ escalated\\)')).toBe(model.alarmRate.alarms);
    // alarms as the audit log's transitions say (a Low event raises without sounding)
    const audit = await shift.engine.call('getAudit', { kind: 'alarm-event', limit: 5000 });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(model.alarmRate.alarms).toBe(audit.value.filter((e) => (e.after as { alarm?: boolean }).alarm === true).length);
    expect(model.alarmRate.alarms).toBeGreaterThan(0);
    expect(figure('Acknowledgements')).toBe(shift.acks.length);
    expect(figure('Unacknowledged advisories')).toBe(unacked);
    expect(figure('Packets')).toBe(shift.packets);
    expect(figure('Confirmed')).toBe(model.verification.confirmed);
    expect(model.verification.confirmed).toBeGreaterThan(0);
    expect(figure('Tickets raised')).toBe(model.verification.tickets);
    // the threshold change and both campaign switches, with who made them
    expect(model.changes.map((c) => c.kind)).toEqual(['config-change', 'campaign-switch', 'campaign-switch']);
    expect(layout).toMatch(/configuration changed: thresholds\.well_control\.gas_units_warning/);
  });

  it('has as many pages as it says, and poppler renders every one', () => {
    const pages = pdfPageCount(pdfFile);
    expect(pages).toBe(pdf.pages);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pdfText(pdfFile, { page: pages })).toContain(`page ${pages} of ${pages}`);
    const images = renderPages(pdfFile, path.join(tmp, 'png'), 30);
    expect(images).toHaveLength(pages);
    for (const f of images) expect(fs.statSync(f).size).toBeGreaterThan(1000);
  });

  it('draws the trend charts as vector paths, visibly', () => {
    const streams = inflatedStreams(Buffer.from(pdf.base64, 'base64'));
    const lineOps = streams.map((s) => (s.match(/^[\d.-]+ [\d.-]+ l$/gm) ?? []).length);
    // seven charts of ~1 000 points each, on two pages
    expect(lineOps.filter((n) => n > 2000).length).toBe(2);
    const chartPage = [...Array(pdf.pages).keys()].map((i) => i + 1).find((p) => pdfText(pdfFile, { page: p }).includes('Depth vs time'))!;
    expect(pdfText(pdfFile, { page: chartPage })).toMatch(/Rate of penetration[\s\S]*Weight on bit and rotary speed[\s\S]*Torque/);
    const [gray] = renderPages(pdfFile, path.join(tmp, `gray-${chartPage}`), 40, true).slice(chartPage - 1);
    const img = readPgm(gray);
    // the first chart's plot area: well inside the page, below the heading
    let dark = 0;
    const x0 = Math.round(img.width * 0.2);
    const x1 = Math.round(img.width * 0.9);
    const y0 = Math.round(img.height * 0.1);
    const y1 = Math.round(img.height * 0.28);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.pixels[y * img.width + x] < 200) dark++;
    expect(dark / ((x1 - x0) * (y1 - y0))).toBeGreaterThan(0.01);
  });

  it('reports progress for the job it was given, ending in done', () => {
    const mine = progress.filter((p) => p.jobId === 'job-1');
    expect(mine.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'building', 'rendering', 'done']));
    expect(mine.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    const fractions = mine.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});

describe('the same report as CSV and JSON, other ranges, bad requests', () => {
  it('exports CSV with every advisory and acknowledgement, Norwegian text intact, in metric when asked', async () => {
    const r = await shift.engine.call('exportReport', { kind: 'shift', fromMs: shift.firstMs, toMs: shift.lastMs + 1000, format: 'csv', units: 'metric' });
    if (!r.ok) throw new Error(r.error.message);
    const csv = Buffer.from(r.value.base64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF# summary')).toBe(true);
    expect(csv).toContain(`well,${WELL_NAME}`);
    const advisoryRows = csv.split('# advisories')[1].split('\r\n\r\n')[0].split('\r\n').slice(2);
    expect(advisoryRows).toHaveLength(shift.advisories.length);
    for (const k of shift.acks) expect(csv).toContain(`${k.id},${k.advisoryId}`);
    expect(csv).toContain(NOTES);
    expect(csv).toMatch(/depth_start_m,3\d{3}\.\d+/);
  });

  it('exports JSON with the model and the chart series', async () => {
    const r = await shift.engine.call('exportReport', { kind: 'shift', fromMs: shift.firstMs, toMs: shift.lastMs + 1000, format: 'json' });
    if (!r.ok) throw new Error(r.error.message);
    const doc = JSON.parse(Buffer.from(r.value.base64, 'base64').toString('utf8'));
    expect(doc.format).toBe('sairen-report');
    expect(doc.model.well.name).toBe(WELL_NAME);
    expect(doc.model.advisories).toHaveLength(shift.advisories.length);
    expect(doc.charts.series.holeDepthFt.length).toBeGreaterThan(500);
  });

  it('builds the whole well and a depth interval', async () => {
    const well = await shift.engine.call('buildReport', { kind: 'well' });
    if (!well.ok) throw new Error(well.error.message);
    expect(well.value.title).toBe('Post-well debrief');
    expect(well.value.advisories).toHaveLength(shift.advisories.length);
    const top = Math.ceil(model.drilling.depthStartFt! + 100);
    const interval = await shift.engine.call('buildReport', { kind: 'interval', fromDepthFt: top, toDepthFt: top + 200 });
    if (!interval.ok) throw new Error(interval.error.message);
    const v = interval.value;
    expect(v.drilling.depthStartFt!).toBeGreaterThanOrEqual(top - 1);
    expect(v.drilling.depthEndFt!).toBeLessThanOrEqual(top + 201);
    expect(v.period.fromMs).toBeGreaterThan(shift.firstMs);
    expect(v.period.toMs).toBeLessThan(shift.lastMs);
  });

  it('answers a depth never reached with not-found and a bad range with invalid-request', async () => {
    const deep = await shift.engine.call('buildReport', { kind: 'interval', fromDepthFt: 30_000, toDepthFt: 31_000 });
    expect(deep).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/never reached 30000 ft/) } });
    const backwards = await shift.engine.call('buildReport', { kind: 'shift', fromMs: 2000, toMs: 1000 });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/fromMs must be before toMs/) } });
    const half = await shift.engine.call('exportReport', { kind: 'shift', fromMs: 1000, format: 'pdf' });
    expect(half).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const badFormat = await shift.engine.call('exportReport', { kind: 'well', format: 'docx' });
    expect(badFormat).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
