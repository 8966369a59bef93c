// Reads everything a report needs for one period through the PersistenceLayer, in small pages
// with a yield to the event loop between them, so the packet loop keeps its timing while a
// 30-day well is read.
import type { ReportCharts } from '../../src-shared/reports.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import { CHART_CHANNELS, type ReportPeriod, type ReportRecords } from './model/report-inputs.js';

export type { ReportRecords };

export interface GatherOptions {
  /** Points per chart series. */
  chartPoints?: number;
  /** Rows per read; each read is followed by a yield. */
  pageSize?: number;
  /** 0-1 over the reading, with what is being read. */
  onProgress?: (fraction: number, detail: string) => void;
}

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Pages a newest-first list backwards in time. Rows at the boundary time are asked for again
 * and dropped by id, so equal timestamps across a page edge are neither lost nor doubled.
 */
async function pageBackwards<T>(
  read: (untilMs: number | undefined, limit: number) => Promise<T[]>,
  timeOf: (row: T) => number,
  idOf: (row: T) => string,
  pageSize: number,
): Promise<T[]> {
  const seen = new Set<string>();
  const out: T[] = [];
  let untilMs: number | undefined;
  for (;;) {
    const page = await read(untilMs, pageSize);
    let fresh = 0;
    for (const row of page) {
      const id = idOf(row);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(row);
      fresh++;
    }
    await yieldToLoop();
    if (page.length < pageSize || fresh === 0) break;
    untilMs = timeOf(page[page.length - 1]);
  }
  return out.reverse();
}

export async function gatherReportRecords(storage: PersistenceLayer, period: ReportPeriod, opts: GatherOptions = {}): Promise<ReportRecords> {
  const pageSize = opts.pageSize ?? 100;
  const progress = opts.onProgress ?? (() => {});
  // Periods are half-open, [from, to): a shift ending at 06:00 leaves the 06:00 minute to the next.
  const fromMs = period.fromMs;
  const toMs = period.toMs - 1;

  progress(0.02, 'summary');
  const summary = await storage.shiftSummary(fromMs, toMs);
  await yieldToLoop();

  progress(0.1, 'advisories');
  const advisories = await pageBackwards(
    (untilMs, limit) => storage.listAdvisories({ sinceMs: fromMs, untilMs: untilMs ?? toMs, limit }),
    (a) => a.timeMs,
    (a) => a.id,
    pageSize,
  );
  advisories.sort((x, y) => x.timeMs - y.timeMs || x.id.localeCompare(y.id));

  progress(0.35, 'acknowledgements');
  // Acknowledgements given after the period still say what was done about its advisories.
  const ids = new Set(advisories.map((a) => a.id));
  const allAcks = await pageBackwards(
    (untilMs, limit) => storage.listAcknowledgements({ sinceMs: fromMs, untilMs, limit }),
    (k) => k.timeMs,
    (k) => k.id,
    pageSize,
  );
  const acks = allAcks.filter((k) => ids.has(k.advisoryId)).sort((x, y) => x.timeMs - y.timeMs);

  progress(0.45, 'audit log');
  const audit = await pageBackwards(
    (untilMs, limit) => storage.listAudit({ sinceMs: fromMs, untilMs: untilMs ?? toMs, limit }),
    (e) => e.timeMs,
    (e) => String(e.seq),
    pageSize,
  );
  audit.sort((x, y) => x.timeMs - y.timeMs || x.seq - y.seq);

  progress(0.55, 'rig states and feed');
  // A month of minutes is read a week at a time, with a yield between.
  const rigStatePackets: Record<string, number> = {};
  const packetsPerMinute: [number, number][] = [];
  // Weeks start on a minute, so no minute bucket is read twice.
  for (let start = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS; start <= toMs; start += WEEK_MS) {
    const from = Math.max(fromMs, start);
    const to = Math.min(toMs, start + WEEK_MS - 1);
    for (const [state, n] of Object.entries(await storage.rigStatePackets(from, to))) rigStatePackets[state] = (rigStatePackets[state] ?? 0) + n;
    packetsPerMinute.push(...(await storage.packetsPerMinute(from, to)));
    await yieldToLoop();
  }

  progress(0.65, 'trends');
  const series: ReportCharts['series'] = {};
  let resolution = 'raw';
  for (const channel of CHART_CHANNELS) {
    const [one] = await storage.queryMetrics([channel], fromMs, toMs, opts.chartPoints ?? 1200);
    series[channel] = one.points;
    resolution = one.resolution;
    await yieldToLoop();
  }
  const charts: ReportCharts = { series, resolution };

  progress(0.75, 'alarm events');
  const alarmEvents = (await storage.listEvents({ state: 'any', sinceMs: fromMs, untilMs: toMs, limit: 5000 })).reverse();

  progress(0.8, 'ML reports');
  const mlReports = await storage.listMlReports({ sinceMs: fromMs, untilMs: toMs, limit: 100 });
  progress(1, 'read');
  return { period, summary, advisories, acks, audit, alarmEvents, rigStatePackets, packetsPerMinute, mlReports, charts };
}
