// Builds and exports reports for the engine: one job at a time, read in small pages, the PDF
// drawn in a worker thread, progress reported as it goes. Also writes the automatic shift
// report into <data dir>/reports. This is the I/O shell around the pure model and writers.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type {
  ReportCharts, ReportExportRequest, ReportFile, ReportFormat, ReportModel, ReportProgress, ReportRequest,
} from '../../src-shared/reports.js';
import type { BaselineProgress } from '../../src-shared/status.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import { reportCsv } from './export/export-csv.js';
import { reportJson } from './export/export-json.js';
import type { PdfFonts } from './pdf/pdf-doc.js';
import { PdfWorker, type RenderedPdf } from './pdf/render-in-worker.js';
import type { PdfInput, PdfProgress } from './pdf/render-pdf.js';
import { loadReportFonts } from './report-font.js';
import { MIME_TYPES, reportFileName } from './export/report-files.js';
import { buildReportModel } from './model/report-model.js';
import { resolvePeriod, type ReportPeriod } from './report-period.js';
import { gatherReportRecords } from './report-records.js';

export const REPORTS_DIR = 'reports';

export interface ReportServiceDeps {
  storage: PersistenceLayer;
  config: () => WellConfig;
  campaign: () => Campaign;
  baseline: () => BaselineProgress;
  /** The latest packet's time (replays run in the past). */
  dataNowMs: () => number;
  /** Wall clock for "written at". */
  clock: () => number;
  onProgress: (p: ReportProgress) => void;
  log: (line: string) => void;
  /** Where automatic shift reports go; null = not written. */
  dataDir: string | null;
  renderPdf?: (input: PdfInput, onProgress: PdfProgress) => Promise<RenderedPdf>;
  loadFonts?: (configured: string) => PdfFonts;
}

interface Built {
  model: ReportModel;
  charts: ReportCharts;
}

/** A job is refused because the engine is shutting down. */
export class ReportServiceClosedError extends Error {}

export class ReportService {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly pdfWorker: PdfWorker;

  constructor(private readonly deps: ReportServiceDeps) {
    this.pdfWorker = new PdfWorker(deps.log);
  }

  /** The report model only (the renderer's preview). */
  build(req: ReportRequest): Promise<ReportModel> {
    return this.enqueue(req.jobId ?? null, async (progress) => {
      const { model } = await this.buildFor(req, progress, 0.9);
      return model;
    });
  }

  export(req: ReportExportRequest): Promise<ReportFile> {
    return this.enqueue(req.jobId ?? null, async (progress) => {
      const built = await this.buildFor(req, progress, 0.45);
      return this.render(built, req.format, req.units ?? 'imperial', progress);
    });
  }

  /** Writes the PDF and JSON of one shift into <data dir>/reports; resolves with the paths. */
  writeShift(fromMs: number, toMs: number): Promise<string[]> {
    const dir = this.deps.dataDir;
    if (!dir) return Promise.resolve([]);
    return this.enqueue('auto-shift', async (progress) => {
      const built = await this.buildFor({ kind: 'shift', fromMs, toMs }, progress, 0.45);
      const units = this.deps.config().reports.units;
      const out: string[] = [];
      await fs.mkdir(path.join(dir, REPORTS_DIR), { recursive: true });
      for (const format of ['pdf', 'json'] as const) {
        const file = await this.render(built, format, units, format === 'pdf' ? progress : () => {});
        const target = path.join(dir, REPORTS_DIR, file.fileName);
        await fs.writeFile(`${target}.part`, Buffer.from(file.base64, 'base64'));
        await fs.rename(`${target}.part`, target); // never a half-written report under the real name
        out.push(target);
      }
      this.deps.log(`shift report written: ${out.join(', ')}`);
      return out;
    });
  }

  /** Refuses new jobs and waits (up to `waitMs`) for the one running. */
  async dispose(waitMs = 10_000): Promise<void> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.queue.catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
    await this.pdfWorker.dispose();
  }

  private enqueue<T>(jobId: string | null, job: (progress: (phase: ReportProgress['phase'], fraction: number, detail: string) => void) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ReportServiceClosedError('the engine is shutting down; no new reports'));
    const progress = (phase: ReportProgress['phase'], fraction: number, detail: string) =>
      this.deps.onProgress({ jobId, phase, fraction: Math.max(0, Math.min(1, fraction)), detail });
    progress('queued', 0, 'waiting for the report before it');
    const run = this.queue.then(async () => {
      try {
        const value = await job(progress);
        progress('done', 1, 'done');
        return value;
      } catch (e) {
        progress('failed', 1, (e as Error).message);
        throw e;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async buildFor(req: ReportRequest, progress: (phase: ReportProgress['phase'], f: number, d: string) => void, share: number): Promise<Built> {
    const cfg = this.deps.config();
    const dataNowMs = this.deps.dataNowMs();
    progress('reading', 0.01, 'finding the period');
    const period: ReportPeriod = await resolvePeriod(req, { nowMs: dataNowMs, shiftStartHours: cfg.reports.shift_start_hours }, this.deps.storage);
    const records = await gatherReportRecords(this.deps.storage, period, {
      onProgress: (f, d) => progress('reading', 0.02 + f * (share * 0.9 - 0.02), `reading ${d}`),
    });
    progress('building', share * 0.9, 'working out the figures');
    const model = buildReportModel(records, {
      generatedAtMs: this.deps.clock(),
      dataNowMs,
      well: cfg.well,
      campaign: this.deps.campaign(),
      baseline: this.deps.baseline(),
      feedTimeoutS: cfg.acquisition.feed_timeout_s,
    });
    progress('building', share, 'figures done');
    await new Promise((resolve) => setImmediate(resolve)); // let packets in before the next step
    return { model, charts: records.charts };
  }

  private async render(b: Built, format: ReportFormat, units: UnitSystem, progress: (phase: ReportProgress['phase'], f: number, d: string) => void): Promise<ReportFile> {
    let bytes: Uint8Array;
    let pages: number | null = null;
    if (format === 'pdf') {
      const fonts = (this.deps.loadFonts ?? loadReportFonts)(this.deps.config().reports.font_file);
      const render = this.deps.renderPdf ?? ((input, onProgress) => this.pdfWorker.render(input, onProgress));
      const pdf = await render({ model: b.model, charts: b.charts, units, fonts }, (f, d) => progress('rendering', 0.45 + f * 0.55, `drawing ${d}`));
      bytes = pdf.bytes;
      pages = pdf.pages;
    } else {
      progress('rendering', 0.6, `writing ${format.toUpperCase()}`);
      bytes = Buffer.from(format === 'csv' ? reportCsv(b.model, b.charts, units) : reportJson(b.model, b.charts), 'utf8');
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { fileName: reportFileName(b.model, format), mimeType: MIME_TYPES[format], sizeBytes: buf.byteLength, base64: buf.toString('base64'), pages };
  }
}
