// The report's text sections after the summary: events by fault and risk, the event and
// advisory timelines with acknowledgements, what was left unacknowledged, changes from the
// audit log, baseline, ML optimum, feed outages.
import type { ReportModel } from '../../../src-shared/reports.js';
import { pct, type ReportUnits } from '../export/report-units.js';
import { formatDuration, formatLocalTime } from '../model/time-format.js';
import type { PdfDoc } from './pdf-doc.js';

const RISK_FILL: Record<string, string> = { Critical: '#fbe3e3', High: '#fdeedd', Elevated: '#fdf6d8', Low: '#e9f4ea' };
const time = (ms: number | null): string => (ms === null ? '—' : formatLocalTime(ms));

export function eventSections(pdf: PdfDoc, m: ReportModel): void {
  pdf.heading('Events by fault and risk');
  if (m.byFaultRisk.length === 0) pdf.para('No advisories in this period.');
  else {
    pdf.table(
      [
        { header: 'Fault', width: 110 }, { header: 'Category', width: 100 }, { header: 'Low', width: 40, align: 'right' },
        { header: 'Elevated', width: 50, align: 'right' }, { header: 'High', width: 40, align: 'right' },
        { header: 'Critical', width: 50, align: 'right' }, { header: 'Advisories', width: 60, align: 'right' }, { header: 'Events', width: 50, align: 'right' },
      ],
      m.byFaultRisk.map((r) => [
        r.fault, r.category, String(r.byRisk.Low), String(r.byRisk.Elevated), String(r.byRisk.High), String(r.byRisk.Critical),
        String(r.advisories), String(r.events),
      ]),
    );
  }

  pdf.heading('Event timeline');
  if (m.events.length > 0) {
    pdf.table(
      [
        { header: 'Raised', width: 76 }, { header: 'Last update', width: 76 }, { header: 'Fault', width: 84 }, { header: 'Peak risk', width: 48 },
        { header: 'Alarms', width: 38, align: 'right' }, { header: 'Advisories', width: 54, align: 'right' }, { header: 'Acknowledged, state', width: 124 },
      ],
      m.events.map((e) => [
        time(e.raisedMs), time(e.lastMs), e.fault, e.riskLevel, String(e.alarms), String(e.advisoryIds.length),
        [e.ackedCount === 0 ? 'not acknowledged' : `${e.ackedCount}×, first ${time(e.firstAckMs).slice(11)}`, e.state, e.shelving ? 'shelved' : null]
          .filter(Boolean)
          .join(' · '),
      ]),
      { rowFill: (i) => RISK_FILL[m.events[i].riskLevel] ?? null },
    );
  } else pdf.para('No events in this period.');
}

export function advisorySection(pdf: PdfDoc, m: ReportModel, units: ReportUnits): void {
  pdf.heading('Advisories and what was done');
  if (m.advisories.length === 0) {
    pdf.para('No advisories in this period.');
    return;
  }
  pdf.table(
    [
      { header: 'Time', width: 62 }, { header: 'Advisory', width: 64 }, { header: 'Fault / risk', width: 72 },
      { header: 'Depth', width: 46, align: 'right' }, { header: 'Diagnosis, acknowledgements', width: 270 },
    ],
    m.advisories.map((a) => {
      const acks = a.acks.map((k) => `✓ ${k.id} ${formatLocalTime(k.timeMs).slice(5)} ${k.actor}: ${k.action}${k.notes ? ` — ${k.notes}` : ''}`);
      const body = [`${a.diagnosis} (${a.verdict})`, ...(acks.length ? acks : ['not acknowledged'])].join('\n');
      return [formatLocalTime(a.timeMs, true).slice(5), a.id, `${a.fault}\n${a.riskLevel}`, units.text(a.depthFt, 'depth'), body];
    }),
    { fontSize: 7.5, rowFill: (i) => (m.advisories[i].acks.length === 0 ? RISK_FILL[m.advisories[i].riskLevel] ?? null : null) },
  );
}

export function unacknowledgedSection(pdf: PdfDoc, m: ReportModel): void {
  pdf.heading('Left unacknowledged or shelved');
  const byId = new Map(m.advisories.map((a) => [a.id, a]));
  const critical = m.unacknowledgedIds.filter((id) => byId.get(id)?.riskLevel === 'Critical');
  const stored = m.alarmRate.source === 'alarm-events';
  pdf.keyValues([
    ['Unacknowledged advisories', `${m.unacknowledgedIds.length} of ${m.advisories.length}`],
    ['of them Critical', String(critical.length)],
    [stored ? 'Events awaiting acknowledgement' : 'Events with no acknowledgement', `${m.unacknowledgedEventKeys.length} of ${m.events.length}`],
    ['Shelvings in the period', m.alarmRate.shelved === null ? 'not recorded (records from before alarm events)' : String(m.alarmRate.shelved)],
  ]);
  if (m.unacknowledgedEventKeys.length > 0) pdf.para(`Events awaiting acknowledgement: ${m.unacknowledgedEventKeys.join(', ')}`, { size: 8 });
  for (const e of m.events.filter((x) => x.shelving)) {
    const s = e.shelving!;
    pdf.para(`${e.key} (${e.fault}) shelved by ${s.byActor} until ${time(s.untilMs)}: ${s.reason}`, { size: 8 });
  }
  if (m.unacknowledgedIds.length > 0) pdf.para(`Unacknowledged advisories: ${m.unacknowledgedIds.join(', ')}`, { size: 8 });
}

export function changeSections(pdf: PdfDoc, m: ReportModel): void {
  pdf.heading('Configuration, campaign and source changes');
  if (m.changes.length === 0) pdf.para('No changes recorded in this period.');
  else {
    pdf.table(
      [{ header: 'Time', width: 80 }, { header: 'Who', width: 80 }, { header: 'Kind', width: 80 }, { header: 'What', width: 280 }],
      m.changes.map((c) => [formatLocalTime(c.timeMs, true), c.actor, c.kind, c.summary]),
    );
  }

  pdf.heading('Baseline');
  const b = m.baseline;
  const locked = b.metrics.filter((x) => x.locked).length;
  pdf.keyValues([
    ['Mode (at report time)', b.mode],
    ['Samples', `${b.samples} of ${b.required} needed`],
    ['Metrics locked', `${locked} of ${b.metrics.length}`],
    ['Locked at', time(b.lockedAtMs)],
  ]);
  for (const e of b.events) pdf.para(`${formatLocalTime(e.timeMs, true)} ${e.kind}: ${e.summary}`, { size: 8 });
}

export function mlSectionPdf(pdf: PdfDoc, m: ReportModel, units: ReportUnits): void {
  pdf.heading('ML optimum against what was run');
  const ml = m.ml;
  pdf.para(ml.note, { color: '#666666', size: 8 });
  if (ml.reportTimeMs === null) return;
  pdf.keyValues([
    ['Report time', time(ml.reportTimeMs)],
    ['Depth', units.text(ml.depthFt, 'depth')],
    ['Formation', ml.formation ?? '—'],
    ['Confidence', ml.confidence ?? '—'],
  ]);
  if (ml.parameters.length === 0) return;
  const q = (u: string) => (u === 'klbf' ? 'force' : u === 'gpm' ? 'flow' : 'speed') as 'force' | 'flow' | 'speed';
  pdf.table(
    [{ header: 'Parameter', width: 80 }, { header: 'Optimum', width: 90, align: 'right' }, { header: 'Safe range', width: 140, align: 'right' }, { header: 'Actually run', width: 90, align: 'right' }],
    ml.parameters.map((p) => [
      p.name, units.text(p.best, q(p.unit)),
      p.min === null || p.max === null ? '—' : `${units.text(p.min, q(p.unit))} – ${units.text(p.max, q(p.unit))}`,
      units.text(p.actual, q(p.unit)),
    ]),
  );
}

export function outageSection(pdf: PdfDoc, m: ReportModel): void {
  pdf.heading('Data-feed outages');
  const f = m.feed;
  pdf.keyValues([
    ['Packets', String(f.packets)],
    ['Usual interval', f.packetIntervalS === null ? '—' : `${f.packetIntervalS.toFixed(1)} s`],
    ['Outages', String(f.outages.length)],
    ['Time without data', formatDuration(f.outageSeconds)],
  ]);
  if (f.outages.length > 0) {
    pdf.table(
      [{ header: 'From', width: 100 }, { header: 'To', width: 100 }, { header: 'Length', width: 80, align: 'right' }, { header: 'Packets missing', width: 90, align: 'right' }],
      f.outages.map((o) => [time(o.fromMs), time(o.toMs), formatDuration(o.approxSeconds), String(o.missingPackets)]),
    );
  }
}

export function notesSection(pdf: PdfDoc, m: ReportModel): void {
  pdf.heading('How the figures were worked out', 2);
  for (const n of m.notes) pdf.para(`• ${n}`, { size: 7.5, color: '#666666' });
  pdf.para(`Share of 10-min windows with more than one alarm: ${pct(m.alarmRate.percentWindowsOverOne, 1)}.`, { size: 7.5, color: '#666666' });
}
