// The trend pages: depth vs time, ROP, WOB/RPM, torque, SPP, flow balance and pit volume,
// four charts to a page, each with the period's advisories marked on the time axis.
import { RISK_RANK, type RiskLevel } from '../../../src-shared/advisory.js';
import type { ReportCharts, ReportModel } from '../../../src-shared/reports.js';
import type { ReportUnits } from '../export/report-units.js';
import { CHANNEL_QUANTITY } from '../export/report-units.js';
import { drawTimeChart, type ChartMarker, type ChartSeries, type ChartSpec } from './pdf-charts.js';
import type { PdfDoc } from './pdf-doc.js';

export const RISK_COLORS: Record<RiskLevel, string> = {
  Low: '#2e7d32',
  Elevated: '#f9a825',
  High: '#ef6c00',
  Critical: '#c62828',
};

interface ChartDef {
  title: string;
  channels: { channel: string; label: string; color: string; axis?: 'left' | 'right' }[];
  invertY?: boolean;
}

export const TREND_CHARTS: ChartDef[] = [
  {
    title: 'Depth vs time',
    channels: [
      { channel: 'holeDepthFt', label: 'Hole depth', color: '#1f4e79' },
      { channel: 'bitDepthFt', label: 'Bit depth', color: '#7fa7cc' },
    ],
    invertY: true,
  },
  { title: 'Rate of penetration', channels: [{ channel: 'ropFtHr', label: 'ROP', color: '#2e7d32' }] },
  {
    title: 'Weight on bit and rotary speed',
    channels: [
      { channel: 'wobKlbf', label: 'WOB', color: '#6a1b9a' },
      { channel: 'rpm', label: 'RPM', color: '#00838f', axis: 'right' },
    ],
  },
  { title: 'Torque', channels: [{ channel: 'torqueKftLbf', label: 'Torque', color: '#5d4037' }] },
  { title: 'Standpipe pressure', channels: [{ channel: 'sppPsi', label: 'SPP', color: '#283593' }] },
  { title: 'Flow balance (out - in)', channels: [{ channel: 'flowBalanceGpm', label: 'Flow balance', color: '#c62828' }] },
  { title: 'Pit volume', channels: [{ channel: 'pitVolumeBbl', label: 'Pit volume', color: '#ef6c00' }] },
];

const CHARTS_PER_PAGE = 4;
/** Markers closer than this share of the time axis are drawn once, in the worst risk's colour. */
const MARKER_RESOLUTION = 1 / 1500;

function advisoryMarkers(model: ReportModel): ChartMarker[] {
  const bucketMs = Math.max(1, (model.period.toMs - model.period.fromMs) * MARKER_RESOLUTION);
  const worst = new Map<number, { timeMs: number; rank: number; risk: RiskLevel }>();
  for (const a of model.advisories) {
    const b = Math.floor(a.timeMs / bucketMs);
    const rank = RISK_RANK[a.riskLevel];
    const cur = worst.get(b);
    if (!cur || rank > cur.rank) worst.set(b, { timeMs: a.timeMs, rank, risk: a.riskLevel });
  }
  return [...worst.values()].map((m) => ({ timeMs: m.timeMs, color: RISK_COLORS[m.risk] }));
}

function specFor(def: ChartDef, model: ReportModel, charts: ReportCharts, units: ReportUnits, markers: ChartMarker[]): ChartSpec {
  const unitOf = (axis: 'left' | 'right') => {
    const c = def.channels.find((x) => (x.axis ?? 'left') === axis);
    return c ? units.label(CHANNEL_QUANTITY[c.channel]) : undefined;
  };
  const series: ChartSeries[] = def.channels.map((c) => ({
    label: c.label,
    color: c.color,
    axis: c.axis,
    points: (charts.series[c.channel] ?? []).map(([t, v]) => [t, units.value(v, CHANNEL_QUANTITY[c.channel]) ?? v] as [number, number]),
  }));
  return {
    title: def.title,
    leftUnit: unitOf('left') ?? '',
    rightUnit: unitOf('right'),
    series,
    markers,
    fromMs: model.period.fromMs,
    toMs: model.period.toMs,
    invertY: def.invertY,
  };
}

export function trendPages(pdf: PdfDoc, model: ReportModel, charts: ReportCharts, units: ReportUnits): void {
  const markers = advisoryMarkers(model);
  const top = pdf.doc.page.margins.top;
  const h = (pdf.bottom - top - 30) / CHARTS_PER_PAGE;
  TREND_CHARTS.forEach((def, i) => {
    if (i % CHARTS_PER_PAGE === 0) {
      pdf.newPage();
      pdf.heading(i === 0 ? 'Trends' : 'Trends (continued)');
      pdf.doc.font('Body').fontSize(7.5).fillColor('#666666')
        .text(`Advisory markers on the time axis: ${Object.entries(RISK_COLORS).map(([r]) => r).join(' / ')} risk colours. Resolution: ${charts.resolution}.`, pdf.left, pdf.y, { width: pdf.width });
    }
    const y = top + 34 + (i % CHARTS_PER_PAGE) * h;
    drawTimeChart(pdf.doc, { x: pdf.left, y, w: pdf.width, h: h - 10 }, specFor(def, model, charts, units, markers));
  });
  pdf.doc.fillColor('#1a1a1a');
  pdf.y = pdf.bottom; // the next section starts on a new page
}
