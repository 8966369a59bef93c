import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../src-main/reports/export/export-csv.js';
import { reportJson } from '../../../src-main/reports/export/export-json.js';
import { buildReportModel } from '../../../src-main/reports/model/report-model.js';
import { context, records } from './model-fixture.js';

/** Minimal RFC 4180 reader for the check (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

function section(rows: string[][], name: string): string[][] {
  const start = rows.findIndex((r) => r[0].startsWith(`# ${name}`));
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end);
}

describe('CSV export', () => {
  const r = records();
  r.acks[0].notes = '=HYPERLINK("x"), "sitert", linje 2\nÆØÅ';
  const m = buildReportModel(r, context());

  it('is UTF-8 with a byte-order mark and named sections', () => {
    const csv = reportCsv(m, r.charts, 'imperial');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const names = csv.slice(1).split('\r\n').filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
    expect(names).toEqual(['summary', 'rig_states', 'events', 'alarm_rate', 'advisories', 'acknowledgements', 'changes', 'feed_outages', 'ml_optimum', 'trends (1min)']);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas in notes', () => {
    const rows = parseCsv(reportCsv(m, r.charts, 'imperial').slice(1));
    const acks = section(rows, 'acknowledgements');
    expect(acks[0]).toEqual(['ack_id', 'advisory_id', 'time', 'actor', 'action', 'notes']);
    expect(acks[1][5]).toBe(`'=HYPERLINK("x"), "sitert", linje 2\nÆØÅ`);
    expect(section(rows, 'advisories')).toHaveLength(1 + m.advisories.length);
  });

  it('converts to the units asked for and says which', () => {
    const metric = parseCsv(reportCsv(m, r.charts, 'metric').slice(1));
    const summary = Object.fromEntries(section(metric, 'summary').slice(1).map(([k, v]) => [k, v]));
    expect(summary.units).toBe('metric');
    expect(Number(summary.depth_start_m)).toBeCloseTo(3048, 0);
    expect(summary.well).toBe('Grane Å-12');
    const trends = section(metric, 'trends');
    expect(trends[0]).toEqual(['time', 'holeDepth_m', 'rop_m_per_hr']);
  });

  it('JSON carries the model and charts in canonical units', () => {
    const doc = JSON.parse(reportJson(m, r.charts));
    expect(doc).toMatchObject({ format: 'sairen-report', version: 1, units: 'us-oilfield' });
    expect(doc.model.drilling.depthStartFt).toBe(10_000);
    expect(doc.charts.series.holeDepthFt).toHaveLength(2);
  });
});
