// The report as a PDF: a summary page (identity, depth and ROP, time per rig state,
// verification, alarm rate), the trend charts, then the event and advisory timelines and the
// record of changes. Runs in the report worker; no I/O (fonts come in as bytes).
import { campaignLabel } from '../../../src-shared/campaign.js';
import type { ReportCharts, ReportModel } from '../../../src-shared/reports.js';
import type { UnitSystem } from '../../../src-shared/units.js';
import type { RigState } from '../../../src-shared/wits.js';
import { pct, reportUnits, type ReportUnits } from '../export/report-units.js';
import { formatDuration, formatLocalTime, utcOffsetLabel } from '../model/time-format.js';
import { COLORS, PdfDoc, type PdfFonts } from './pdf-doc.js';
import { advisorySection, changeSections, eventSections, mlSectionPdf, notesSection, outageSection, unacknowledgedSection } from './pdf-sections.js';
import { trendPages } from './pdf-trends.js';

export interface PdfInput {
  model: ReportModel;
  charts: ReportCharts;
  units: UnitSystem;
  fonts: PdfFonts;
}

export type PdfProgress = (fraction: number, detail: string) => void;

function titleBlock(pdf: PdfDoc, m: ReportModel): void {
  const d = pdf.doc;
  d.font('Bold').fontSize(9).fillColor(COLORS.muted).text(`SAIREN · ${m.title}`, pdf.left, pdf.y, { width: pdf.width });
  d.font('Bold').fontSize(20).fillColor(COLORS.text).text(m.well.name, pdf.left, d.y + 2, { width: pdf.width });
  d.font('Body').fontSize(9.5).fillColor(COLORS.text);
  const identity = [`Field ${m.well.field}`, `Rig ${m.well.rig}`, m.well.operator ? `Operator ${m.well.operator}` : null].filter(Boolean).join(' · ');
  d.text(identity, pdf.left, d.y + 2, { width: pdf.width });
  d.text(`Period: ${m.period.label}`, { width: pdf.width });
  d.fillColor(COLORS.muted).fontSize(8)
    .text(`Written ${formatLocalTime(m.generatedAtMs)} · times are local (${utcOffsetLabel(m.period.fromMs)}) · campaign ${campaignLabel(m.campaign)}`, { width: pdf.width });
  d.fillColor(COLORS.text).fontSize(9);
  pdf.y = d.y + 4;
}

function summarySection(pdf: PdfDoc, m: ReportModel, u: ReportUnits): void {
  pdf.heading('Summary');
  const dr = m.drilling;
  const a = m.alarmRate;
  pdf.keyValues([
    ['Hole depth start', u.text(dr.depthStartFt, 'depth')],
    ['Hole depth end', u.text(dr.depthEndFt, 'depth')],
    ['Depth drilled', u.text(dr.drilledFt, 'depth')],
    ['Average ROP (drilling time)', u.text(dr.avgRopFtHr, 'rop')],
    ['Drilling time', formatDuration(dr.drillingHours * 3600)],
    ['Average MSE efficiency', pct(dr.avgMseEfficiencyPercent)],
    ['Advisories', String(m.advisories.length)],
    ['Events', String(m.events.length)],
    ['Acknowledgements', String(m.acknowledgements)],
    ['Unacknowledged advisories', String(m.unacknowledgedIds.length)],
    ['Feed outages', `${m.feed.outages.length} (${formatDuration(m.feed.outageSeconds)})`],
    ['Packets', String(m.feed.packets)],
  ]);
  pdf.heading('Time per rig state', 2);
  rigStateBars(pdf, m);
  pdf.heading('Verification', 2);
  const v = m.verification;
  const share = (n: number) => (v.tickets > 0 ? ` (${pct((n / v.tickets) * 100)})` : '');
  pdf.keyValues([
    ['Tickets raised', String(v.tickets)],
    ['Confirmed', `${v.confirmed}${share(v.confirmed)}`],
    ['Uncertain', `${v.uncertain}${share(v.uncertain)}`],
    ['Rejected', `${v.rejected}${share(v.rejected)}`],
  ]);
  pdf.heading('Alarm rate (EEMUA 191)', 2);
  pdf.keyValues([
    ['Alarms (new + escalated)', String(a.alarms)],
    ['Alarms per 10 min (average)', a.alarmsPer10MinAvg.toFixed(2)],
    ['Peak alarms in any 10 min', a.peakWindowStartMs === null ? '0' : `${a.peakAlarmsIn10Min} (from ${formatLocalTime(a.peakWindowStartMs).slice(11)})`],
    ['Standing (24 h or more)', String(a.standing)],
    ['Shelved', a.shelved === null ? 'not recorded' : String(a.shelved)],
    ['Chattering', a.chattering === null ? 'not recorded' : String(a.chattering)],
  ]);
}

const STATE_LABELS: Record<RigState, string> = {
  Drilling: 'Drilling', Reaming: 'Reaming', Circulating: 'Circulating', Connection: 'Connections',
  TrippingIn: 'Tripping in', TrippingOut: 'Tripping out', Idle: 'Idle',
};

function rigStateBars(pdf: PdfDoc, m: ReportModel): void {
  const d = pdf.doc;
  const barX = pdf.left + 150;
  const barW = pdf.width - 150 - 110;
  for (const s of m.rigStates) {
    pdf.ensure(13);
    const y = pdf.y;
    d.font('Body').fontSize(8.5).fillColor(COLORS.text).text(STATE_LABELS[s.state], pdf.left, y, { width: 140, lineBreak: false });
    d.rect(barX, y + 1.5, barW, 7).fill('#eef1f4');
    if (s.percent > 0) d.rect(barX, y + 1.5, Math.max(0.8, (barW * Math.min(100, s.percent)) / 100), 7).fill(COLORS.accent);
    d.fillColor(COLORS.text).text(`${formatDuration(s.seconds)} · ${pct(s.percent)}`, barX + barW + 8, y, { width: 100, lineBreak: false });
    pdf.y = y + 13;
  }
}

export async function renderReportPdf(input: PdfInput, onProgress: PdfProgress = () => {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const { model: m, charts } = input;
  const u = reportUnits(input.units);
  const pdf = new PdfDoc(input.fonts, {
    title: `${m.title}: ${m.well.name}`,
    subject: m.period.label,
    keywords: `SAIREN, ${m.kind}, ${m.well.name}, ${m.well.rig}`,
  });
  onProgress(0.05, 'summary');
  titleBlock(pdf, m);
  summarySection(pdf, m, u);
  onProgress(0.2, 'trend charts');
  trendPages(pdf, m, charts, u);
  onProgress(0.45, 'events');
  eventSections(pdf, m);
  onProgress(0.55, 'advisories');
  advisorySection(pdf, m, u);
  onProgress(0.85, 'changes, baseline, ML, feed');
  unacknowledgedSection(pdf, m);
  changeSections(pdf, m);
  mlSectionPdf(pdf, m, u);
  outageSection(pdf, m);
  notesSection(pdf, m);
  onProgress(0.95, 'page footers');
  const footer = (page: number, pages: number) => `SAIREN ${m.title} · ${m.well.name} · ${m.period.label} · page ${page} of ${pages}`;
  return pdf.finish(footer);
}
