// The PDF writer on its own (in this thread): Unicode text in and out through pdftotext,
// long tables across pages, wrapping that stays inside its cell.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src-main/reports/pdf/render-pdf.js';
import { TextMeasure } from '../../../src-main/reports/pdf/pdf-text.js';
import { loadReportFonts } from '../../../src-main/reports/report-font.js';
import { buildReportModel } from '../../../src-main/reports/model/report-model.js';
import { makeAdvisory } from '../storage/fixtures.js';
import { pdfPageCount, pdfText } from '../../support/pdf-tools.js';
import { HOUR, T0, context, records } from './model-fixture.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-render-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, r = records(), well = 'Grane Å-12') {
  const m = buildReportModel(r, { ...context(), well: { ...context().well, name: well } });
  const out = await renderReportPdf({ model: m, charts: r.charts, units: 'metric', fonts: loadReportFonts('') });
  const file = path.join(dir, name);
  fs.writeFileSync(file, out.bytes);
  return { file, pages: out.pages, model: m };
}

describe('PDF writer', () => {
  it('prints Norwegian, Greek and Cyrillic text that pdftotext reads back', async () => {
    const r = records();
    r.acks[0].notes = 'Brønnen er stille – æøå ÆØÅ; Ωμέγα; Привет';
    const { file } = await write('unicode.pdf', r, 'Ærfugl Øst-3');
    const text = pdfText(file);
    expect(text).toContain('Ærfugl Øst-3');
    expect(text).toContain('Brønnen er stille – æøå ÆØÅ; Ωμέγα; Привет');
    expect(text).toContain('Kari Ødegård');
    expect(pdfText(file, { layout: true })).toMatch(/Hole depth start\s+3048 m/);
  });

  it('carries a long advisory table over pages, header repeated, every id readable', async () => {
    const r = records();
    r.advisories = Array.from({ length: 400 }, (_, i) => makeAdvisory({ timeMs: T0 + i * 50_000, fault: i % 3 ? 'kick' : 'stick-slip', riskLevel: i % 4 ? 'High' : 'Critical' }));
    r.acks = [];
    const { file, pages } = await write('long.pdf', r);
    expect(pdfPageCount(file)).toBe(pages);
    const text = pdfText(file);
    for (const a of r.advisories) expect(text).toContain(a.id);
    const headers = (text.match(/Diagnosis, acknowledgements/g) ?? []).length;
    expect(headers).toBeGreaterThan(5); // once per page of the table
    expect(pages).toBeGreaterThan(headers);
  });

  it('writes "no data" charts and an empty timeline for a quiet period', async () => {
    const r = records();
    r.advisories = [];
    r.acks = [];
    r.charts = { resolution: 'raw', series: {} };
    const { file } = await write('quiet.pdf', r);
    const text = pdfText(file);
    expect(text).toContain('no data in this period');
    expect(text).toContain('No advisories in this period.');
    expect(text).toContain('no ML report in this period');
    expect(T0 + HOUR).toBeGreaterThan(T0);
  });
});

describe('table text measure', () => {
  const doc = new PDFDocument({ font: null as unknown as string });
  const fonts = loadReportFonts('');
  doc.registerFont('Body', Buffer.from(fonts.regular));
  const m = new TextMeasure(doc);
  m.prepare(['Body']);

  it('wraps words to the width, cuts a word longer than a line, keeps explicit breaks', () => {
    const lines = m.wrap('Possible kick: flow out 598 gpm vs in 550 gpm\nnot acknowledged', 120, 'Body', 8);
    for (const l of lines) expect(m.width(l, 'Body', 8)).toBeLessThanOrEqual(120);
    expect(lines.at(-1)).toBe('not acknowledged');
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('Possible kick: flow out 598 gpm vs in 550 gpm not acknowledged');
    const cut = m.wrap('X'.repeat(80), 50, 'Body', 8);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe('X'.repeat(80));
  });

  it('measures like pdfkit does', () => {
    const s = 'Ærfugl Øst-3 ADV-0123abcd 10 250 ft';
    expect(m.width(s, 'Body', 10)).toBeCloseTo(doc.font('Body').fontSize(10).widthOfString(s), 1);
    expect(m.truncate('a long label that will not fit', 60, 'Body', 8)).toMatch(/…$/);
  });
});
