// File names and types of exported reports: "sairen-shift-aerfugl-ost-3-20250101-0600-20250101-1800.pdf".
// ASCII only, so every file system and an HTTP Content-Disposition header take it. Pure.
import type { ReportFormat, ReportModel } from '../../../src-shared/reports.js';
import { compactLocalTime } from '../model/time-format.js';

export const MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const FOLD: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', å: 'a', Å: 'A', ß: 'ss', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH' };

/** "Ærfugl Øst-3" -> "aerfugl-ost-3"; letters without an ASCII form are dropped. */
export function fileSlug(text: string): string {
  const folded = [...text].map((c) => FOLD[c] ?? c).join('').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = folded.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'well';
}

export function reportFileName(m: Pick<ReportModel, 'kind' | 'well' | 'period'>, format: ReportFormat): string {
  return `sairen-${m.kind}-${fileSlug(m.well.name)}-${compactLocalTime(m.period.fromMs)}-${compactLocalTime(m.period.toMs)}.${format}`;
}
