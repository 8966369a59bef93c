// The report worker thread: kept between reports, survives a bad job, closed on dispose.
import { afterAll, describe, expect, it } from 'vitest';
import { PdfWorker } from '../../../src-main/reports/pdf/render-in-worker.js';
import { loadReportFonts } from '../../../src-main/reports/report-font.js';
import { buildReportModel } from '../../../src-main/reports/model/report-model.js';
import { context, records } from './model-fixture.js';

const r = records();
const input = { model: buildReportModel(r, context()), charts: r.charts, units: 'imperial' as const, fonts: loadReportFonts('') };
const worker = new PdfWorker();
afterAll(() => worker.dispose());

describe('PDF worker thread', () => {
  it('renders, reports progress, and renders again on the same thread', async () => {
    const steps: string[] = [];
    const first = await worker.render(input, (_f, d) => steps.push(d));
    expect(Buffer.from(first.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(first.pages).toBeGreaterThanOrEqual(4);
    expect(steps).toEqual(expect.arrayContaining(['summary', 'trend charts', 'advisories', 'page footers']));
    const second = await worker.render(input, () => {});
    expect(second.pages).toBe(first.pages);
  }, 60_000);

  it('rejects a job it cannot render with the reason, and renders the next one', async () => {
    const broken = { ...input, fonts: { regular: new Uint8Array([1, 2, 3, 4]), bold: null } };
    await expect(worker.render(broken, () => {})).rejects.toThrow(/./);
    expect((await worker.render(input, () => {})).pages).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('refuses work once closed', async () => {
    const closed = new PdfWorker();
    await closed.dispose();
    await expect(closed.render(input, () => {})).rejects.toThrow('report renderer closed');
  });
});
