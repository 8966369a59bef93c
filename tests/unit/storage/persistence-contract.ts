// One contract, every PersistenceLayer: tests/unit/storage/memory-store.test.ts and
// tests/integration/storage/sqlite-contract.test.ts both call persistenceContract().
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistenceLayer } from '../../../src-main/storage/persistence.js';
import { makeAdvisory, makeEpisode, makeTicket, makeVerification } from './fixtures.js';
import { mlReport } from '../ml/fixtures.js';

export interface StoreFactoryOptions {
  metricsRetentionDays?: number;
}
export type StoreFactory = (opts?: StoreFactoryOptions) => Promise<PersistenceLayer>;

const T0 = Date.UTC(2025, 0, 1); // minute- and 10-minute-aligned
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function persistenceContract(name: string, factory: StoreFactory): void {
  describe(`PersistenceLayer contract: ${name}`, () => {
    const open: PersistenceLayer[] = [];
    const make = async (opts?: StoreFactoryOptions) => {
      const s = await factory(opts);
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.dispose();
    });

    it('round-trips an advisory and returns null for an unknown id', async () => {
      const s = await make();
      const a = makeAdvisory({ timeMs: T0 });
      await s.saveAdvisory(a);
      expect(await s.getAdvisory(a.id)).toEqual(a);
      expect(await s.getAdvisory('ADV-nothere')).toBeNull();
    });

    it('saveAdvisory upserts by id (LLM enrichment replaces the text, keeps one record)', async () => {
      const s = await make();
      const a = makeAdvisory({ timeMs: T0 });
      await s.saveAdvisory(a);
      const enriched = {
        ...a,
        source: 'llm' as const,
        llm: { ...a.template, diagnosis: 'Influx likely', model: 'test.gguf', parameters: [], confidence: 0.8 },
      };
      await s.saveAdvisory(enriched);
      expect((await s.getAdvisory(a.id))?.source).toBe('llm');
      const all = await s.listAdvisories({});
      expect(all.filter((x) => x.id === a.id)).toHaveLength(1);
      expect(all[0].llm?.diagnosis).toBe('Influx likely');
    });

    it('lists advisories newest first, 50 by default, with category / time / risk filters', async () => {
      const s = await make();
      for (let i = 0; i < 60; i++) {
        await s.saveAdvisory(
          makeAdvisory({
            timeMs: T0 + i * 1000,
            category: i % 2 ? 'Mechanical' : 'WellControl',
            riskLevel: i % 3 === 0 ? 'Critical' : 'Elevated',
          }),
        );
      }
      const latest = await s.listAdvisories({});
      expect(latest).toHaveLength(50);
      expect(latest[0].timeMs).toBe(T0 + 59_000);
      expect(latest.every((a, i) => i === 0 || latest[i - 1].timeMs >= a.timeMs)).toBe(true);
      const mech = await s.listAdvisories({ category: 'Mechanical', limit: 1000 });
      expect(mech).toHaveLength(30);
      expect(mech.every((a) => a.category === 'Mechanical')).toBe(true);
      const window = await s.listAdvisories({ sinceMs: T0 + 10_000, untilMs: T0 + 19_000 });
      expect(window.map((a) => a.timeMs)).toEqual(Array.from({ length: 10 }, (_, i) => T0 + (19 - i) * 1000));
      const critical = await s.listAdvisories({ minRisk: 'Critical', limit: 1000 });
      expect(critical).toHaveLength(20);
      expect(critical.every((a) => a.riskLevel === 'Critical')).toBe(true);
      expect(await s.listAdvisories({ limit: 3 })).toHaveLength(3);
    });

    it('keeps tickets and verifications; latestVerification is the newest by time', async () => {
      const s = await make();
      expect(await s.latestVerification()).toBeNull();
      await s.saveTicket(makeTicket({ id: 'TKT-A', timeMs: T0 }));
      await s.saveVerification(makeVerification({ ticketId: 'TKT-A', timeMs: T0 + 5000, status: 'Rejected' }));
      await s.saveVerification(makeVerification({ ticketId: 'TKT-B', timeMs: T0 + 9000, status: 'Confirmed' }));
      await s.saveVerification(makeVerification({ ticketId: 'TKT-C', timeMs: T0 + 7000, status: 'Uncertain' }));
      expect(await s.latestVerification()).toMatchObject({ ticketId: 'TKT-B', status: 'Confirmed' });
    });

    it('records acknowledgements with actor, action, notes and time; lists them newest first', async () => {
      const s = await make();
      const a = makeAdvisory({ timeMs: T0 });
      await s.saveAdvisory(a);
      const k1 = await s.acknowledge({ advisoryId: a.id, timeMs: T0 + 60_000, actor: 'J. Driller', action: 'flow check', notes: '' });
      const k2 = await s.acknowledge({ advisoryId: a.id, timeMs: T0 + 120_000, actor: 'Company Man', action: 'shut in', notes: 'SIDPP 250 psi' });
      await s.acknowledge({ advisoryId: 'ADV-other', timeMs: T0 + 130_000, actor: 'X', action: 'noted', notes: '' });
      expect(k1.id).toMatch(/^ACK-[0-9a-f]{8}$/);
      expect(k1.id).not.toBe(k2.id);
      const forA = await s.listAcknowledgements({ advisoryId: a.id });
      expect(forA).toEqual([k2, k1]);
      expect(await s.listAcknowledgements({ sinceMs: T0 + 100_000, untilMs: T0 + 125_000 })).toEqual([k2]);
      expect(await s.listAcknowledgements({ limit: 1 })).toHaveLength(1);
    });

    it('acknowledgeWithAudit stores the acknowledgement and its audit entry together', async () => {
      const s = await make();
      const a = makeAdvisory({ timeMs: T0 });
      await s.saveAdvisory(a);
      const { acknowledgement, audit } = await s.acknowledgeWithAudit({ advisoryId: a.id, timeMs: T0 + 1000, actor: 'JD', action: 'flow check', notes: 'n' }, `kick ${a.id} acknowledged`);
      expect(await s.listAcknowledgements({ advisoryId: a.id })).toEqual([acknowledgement]);
      expect(await s.listAudit({ kind: 'acknowledgement' })).toEqual([audit]);
      expect(audit).toMatchObject({ actor: 'JD', timeMs: T0 + 1000, summary: `kick ${a.id} acknowledged`, before: null, after: acknowledgement });
    });

    it('appends audit entries with increasing seq and before/after; filters by kind and time', async () => {
      const s = await make();
      const e1 = await s.appendAudit({ timeMs: T0, actor: 'eng', kind: 'config-change', summary: 'thresholds', before: { a: 1 }, after: { a: 2 } });
      const e2 = await s.appendAudit({ timeMs: T0 + 1000, actor: 'cm', kind: 'campaign-switch', summary: 'to P&A', before: 'production', after: 'plug_abandonment' });
      const e3 = await s.appendAudit({ timeMs: T0 + 2000, actor: 'sys', kind: 'baseline-lock', summary: 'locked' });
      expect(e2.seq).toBeGreaterThan(e1.seq);
      expect(e3.seq).toBeGreaterThan(e2.seq);
      expect(e3.before).toBeNull();
      const all = await s.listAudit({});
      expect(all.map((e) => e.seq)).toEqual([e3.seq, e2.seq, e1.seq]);
      expect(all[2]).toEqual(e1);
      expect((await s.listAudit({ kind: 'campaign-switch' })).map((e) => e.summary)).toEqual(['to P&A']);
      expect((await s.listAudit({ sinceMs: T0 + 500, untilMs: T0 + 1500 })).map((e) => e.seq)).toEqual([e2.seq]);
      expect(await s.listAudit({ limit: 2 })).toHaveLength(2);
    });

    it('rolls 3 h of 1 Hz samples into correct 1-min averages and serves raw for short ranges', async () => {
      const s = await make();
      const seconds = 3 * 3600;
      for (let i = 0; i < seconds; i++) {
        // flowBalanceGpm = seconds since start; pitGainBbl missing (null) every other second.
        s.recordMetrics({ timeMs: T0 + i * 1000, values: { flowBalanceGpm: i, pitGainBbl: i % 2 ? null : 2, ropFtHr: Number.NaN } });
      }
      await s.flushMetrics();
      const [flow, pit, rop] = await s.queryMetrics(['flowBalanceGpm', 'pitGainBbl', 'ropFtHr'], T0, T0 + seconds * 1000 - 1, 500);
      expect(flow.resolution).toBe('1min');
      expect(flow.points).toHaveLength(180);
      flow.points.forEach(([t, v], m) => {
        expect(t).toBe(T0 + m * 60_000);
        expect(v).toBeCloseTo(60 * m + 29.5, 9); // mean of 60m .. 60m+59
      });
      expect(pit.points.every(([, v]) => v === 2)).toBe(true);
      expect(rop.points).toEqual([]);
      const raw = await s.queryMetrics(['flowBalanceGpm'], T0 + 600_000, T0 + 600_000 + 299_000, 1000);
      expect(raw[0].resolution).toBe('raw');
      expect(raw[0].points).toHaveLength(300);
      expect(raw[0].points[0]).toEqual([T0 + 600_000, 600]);
      const unknown = await s.queryMetrics(['noSuchChannel'], T0, T0 + HOUR_MS, 100);
      expect(unknown).toEqual([{ channel: 'noSuchChannel', points: [], resolution: '1min' }]);
    });

    it('ignores a duplicate sample (same channel and time) in raw and rollups', async () => {
      const s = await make();
      s.recordMetrics({ timeMs: T0, values: { sppPsi: 3000 } });
      s.recordMetrics({ timeMs: T0 + 1000, values: { sppPsi: 3100 } });
      await s.flushMetrics();
      s.recordMetrics({ timeMs: T0, values: { sppPsi: 9999 } });
      await s.flushMetrics();
      const [raw] = await s.queryMetrics(['sppPsi'], T0, T0 + 10_000, 100);
      expect(raw.points).toEqual([[T0, 3000], [T0 + 1000, 3100]]);
      const [minute] = await s.queryMetrics(['sppPsi'], T0, T0 + 2 * HOUR_MS, 200);
      expect(minute.resolution).toBe('1min');
      expect(minute.points).toEqual([[T0, 3050]]);
    });

    it('answers a 30-day query with at most maxPoints points, from the 10-min rollup, fast', async () => {
      const s = await make();
      const stepMs = 10_000; // every 10 s for 30 days keeps the fill quick; the rollup is what is read
      for (let t = 0; t < 30 * DAY_MS; t += stepMs) s.recordMetrics({ timeMs: T0 + t, values: { msePsi: t < 15 * DAY_MS ? 20_000 : 40_000 } });
      await s.flushMetrics();
      const started = performance.now();
      const [series] = await s.queryMetrics(['msePsi'], T0, T0 + 30 * DAY_MS, 1000);
      const queryMs = performance.now() - started;
      expect(series.resolution).toBe('10min');
      expect(series.points.length).toBeLessThanOrEqual(1000);
      expect(series.points.length).toBeGreaterThan(800); // steps are whole 10-min buckets
      expect(series.points[0][1]).toBe(20_000);
      expect(series.points[series.points.length - 1][1]).toBe(40_000);
      expect(queryMs).toBeLessThan(250);
    });

    it('drops raw rows past retention but keeps the rollups', async () => {
      const s = await make({ metricsRetentionDays: 1 });
      s.recordMetrics({ timeMs: T0, values: { torqueKftLbf: 12 } });
      await s.flushMetrics();
      s.recordMetrics({ timeMs: T0 + 2 * DAY_MS, values: { torqueKftLbf: 14 } });
      await s.flushMetrics();
      expect((await s.queryMetrics(['torqueKftLbf'], T0, T0 + 60_000, 100))[0].points).toEqual([]);
      expect((await s.queryMetrics(['torqueKftLbf'], T0 + 2 * DAY_MS, T0 + 2 * DAY_MS + 60_000, 100))[0].points).toEqual([[T0 + 2 * DAY_MS, 14]]);
      const [longRange] = await s.queryMetrics(['torqueKftLbf'], T0, T0 + 3 * HOUR_MS, 200);
      expect(longRange.resolution).toBe('1min');
      expect(longRange.points).toEqual([[T0, 12]]);
    });

    it('summarises a shift: counts, categories, peak risk, unacknowledged critical, efficiency, depth', async () => {
      const s = await make();
      const from = T0;
      const to = T0 + 12 * HOUR_MS;
      for (let m = 0; m < 10; m++) s.recordPacketCounts(from + m * 60_000, 60);
      s.recordPacketCounts(to + HOUR_MS, 999); // outside
      for (let i = 0; i < 120; i++) {
        s.recordMetrics({ timeMs: from + i * 1000, values: { mseEfficiencyPercent: i < 60 ? 80 : 60, holeDepthFt: 10_000 + i } });
      }
      await s.saveTicket(makeTicket({ id: 'T1', timeMs: from + 1000 }));
      await s.saveTicket(makeTicket({ id: 'T2', timeMs: from + 2000 }));
      await s.saveTicket(makeTicket({ id: 'T3', timeMs: to + 1000 }));
      await s.saveVerification(makeVerification({ ticketId: 'T1', timeMs: from + 1000, status: 'Confirmed' }));
      await s.saveVerification(makeVerification({ ticketId: 'T2', timeMs: from + 2000, status: 'Rejected' }));
      await s.saveVerification(makeVerification({ ticketId: 'T2', timeMs: from + 3000, status: 'Uncertain' }));
      const crit1 = makeAdvisory({ timeMs: from + 1000, riskLevel: 'Critical', category: 'WellControl' });
      const crit2 = makeAdvisory({ timeMs: from + 2000, riskLevel: 'Critical', category: 'WellControl' });
      const high = makeAdvisory({ timeMs: from + 3000, riskLevel: 'High', category: 'Mechanical' });
      for (const a of [crit1, crit2, high]) await s.saveAdvisory(a);
      await s.saveAdvisory(makeAdvisory({ timeMs: to + 5000, riskLevel: 'Critical' })); // outside
      await s.acknowledge({ advisoryId: crit1.id, timeMs: from + 5000, actor: 'JD', action: 'flow check', notes: '' });
      const sum = await s.shiftSummary(from, to);
      expect(sum).toEqual({
        fromMs: from,
        toMs: to,
        packets: 600,
        tickets: 2,
        confirmed: 1,
        uncertain: 1,
        rejected: 1,
        advisoriesByCategory: { WellControl: 2, Mechanical: 1 },
        advisoriesByRisk: { Critical: 2, High: 1 },
        peakRisk: 'Critical',
        acknowledgements: 1,
        unacknowledgedCritical: 1,
        avgMseEfficiencyPercent: 70,
        depthStartFt: 10_000,
        depthEndFt: 10_119,
      });
      const empty = await s.shiftSummary(to + 10 * DAY_MS, to + 11 * DAY_MS);
      expect(empty).toMatchObject({ packets: 0, tickets: 0, peakRisk: null, avgMseEfficiencyPercent: null, depthStartFt: null });
    });

    it('appends outcomes (newest per advisory counts) and lists them newest first', async () => {
      const s = await make();
      const a = makeAdvisory({ timeMs: T0 });
      await s.saveAdvisory(a);
      const o1 = await s.recordOutcome({ advisoryId: a.id, timeMs: T0 + 60_000, actor: 'JD', outcome: { kind: 'Escalated', reason: 'called town' }, notes: '' });
      const o2 = await s.recordOutcome({ advisoryId: a.id, timeMs: T0 + 120_000, actor: 'CM', outcome: { kind: 'Resolved', action: 'circulated and reamed' }, notes: 'back to drilling' });
      await s.recordOutcome({ advisoryId: 'ADV-other', timeMs: T0 + 130_000, actor: 'X', outcome: { kind: 'FalsePositive' }, notes: '' });
      expect(o2.seq).toBeGreaterThan(o1.seq);
      expect(await s.listOutcomes({ advisoryId: a.id })).toEqual([o2, o1]);
      expect(o2).toEqual({ seq: o2.seq, advisoryId: a.id, timeMs: T0 + 120_000, actor: 'CM', outcome: { kind: 'Resolved', action: 'circulated and reamed' }, notes: 'back to drilling' });
      expect((await s.listOutcomes({ sinceMs: T0 + 100_000, untilMs: T0 + 125_000 })).map((o) => o.seq)).toEqual([o2.seq]);
      expect(await s.listOutcomes({ limit: 1 })).toHaveLength(1);
    });

    it('counts outcomes per fault by each advisory\'s newest outcome, within the time range', async () => {
      const s = await make();
      const kick1 = makeAdvisory({ timeMs: T0, fault: 'kick', category: 'WellControl' });
      const kick2 = makeAdvisory({ timeMs: T0 + 1000, fault: 'kick', category: 'WellControl' });
      const kick3 = makeAdvisory({ timeMs: T0 + 2000, fault: 'kick', category: 'WellControl' });
      const pack = makeAdvisory({ timeMs: T0 + 3000, fault: 'pack-off', category: 'Mechanical' });
      const late = makeAdvisory({ timeMs: T0 + DAY_MS, fault: 'pack-off', category: 'Mechanical' });
      for (const a of [kick1, kick2, kick3, pack, late]) await s.saveAdvisory(a);
      const rec = (id: string, outcome: Parameters<PersistenceLayer['recordOutcome']>[0]['outcome'], t: number) =>
        s.recordOutcome({ advisoryId: id, timeMs: t, actor: 'JD', outcome, notes: '' });
      await rec(kick1.id, { kind: 'FalsePositive' }, T0 + 10_000);
      await rec(kick1.id, { kind: 'Resolved', action: 'shut in' }, T0 + 20_000); // changed: real after all
      await rec(kick2.id, { kind: 'FalsePositive' }, T0 + 30_000);
      await rec(pack.id, { kind: 'Escalated', reason: 'stuck pipe procedure' }, T0 + 40_000);
      await rec(late.id, { kind: 'FalsePositive' }, T0 + DAY_MS + 1000);
      const stats = await s.outcomeStats({ sinceMs: T0, untilMs: T0 + HOUR_MS });
      expect(stats).toEqual([
        { fault: 'kick', category: 'WellControl', advisories: 3, resolved: 1, escalated: 0, confirmedReal: 1, falseAlarm: 1, unknown: 1 },
        { fault: 'pack-off', category: 'Mechanical', advisories: 1, resolved: 0, escalated: 1, confirmedReal: 1, falseAlarm: 0, unknown: 0 },
      ]);
      const all = await s.outcomeStats({});
      expect(all.find((x) => x.fault === 'pack-off')).toMatchObject({ advisories: 2, falseAlarm: 1, confirmedReal: 1 });
    });

    it('upserts recall episodes by id, lists them oldest first, removes by id', async () => {
      const s = await make();
      expect(await s.listEpisodes()).toEqual([]);
      const e1 = makeEpisode({ id: 'R-ADV-1-episode', timeMs: T0 + 2000 });
      const e2 = makeEpisode({ id: 'R-ADV-2-episode', timeMs: T0 });
      const e3 = makeEpisode({ id: 'R-ADV-3-episode', timeMs: T0 + 1000, outcome: { kind: 'FalsePositive' } });
      await s.upsertEpisodes([e1, e2, e3]);
      expect(await s.listEpisodes()).toEqual([e2, e3, e1]);
      const changed = { ...e1, outcome: { kind: 'Escalated' as const, reason: 'stuck' }, resolutionSummary: 'pack-off, escalated: stuck' };
      await s.upsertEpisodes([changed]);
      const listed = await s.listEpisodes();
      expect(listed).toHaveLength(3);
      expect(listed[2]).toEqual(changed);
      expect(await s.removeEpisodes([e2.id, 'nope'])).toBe(1);
      expect((await s.listEpisodes()).map((e) => e.id)).toEqual([e3.id, e1.id]);
      expect(await s.removeEpisodes([])).toBe(0);
    });

    it('upserts alarm events by id and lists them by state, fault and time; audit entries keep their subject', async () => {
      const s = await make();
      const base = {
        id: 'EVT-00000001', fault: 'kick' as const, category: 'WellControl' as const, state: 'active-unacknowledged' as const,
        riskLevel: 'Critical' as const, worstRiskLevel: 'Critical' as const, acknowledgedRiskLevel: null, openedMs: T0, updatedMs: T0,
        clearedMs: null, lastSeenMs: T0, acknowledgedMs: null, acknowledgedBy: null, advisoryCount: 1, latestAdvisoryId: 'ADV-1',
        firstAdvisoryId: 'ADV-1', alarmCount: 1, reopenCount: 0, shelved: null, depthFt: 9000,
      };
      await s.saveEvent(base);
      await s.saveEvent({ ...base, id: 'EVT-00000002', fault: 'washout', category: 'Hydraulics', state: 'normal', openedMs: T0 + 1000, updatedMs: T0 + 5000 });
      await s.saveEvent({ ...base, state: 'active-acknowledged', updatedMs: T0 + 9000, advisoryCount: 3 });
      expect((await s.getEvent('EVT-00000001'))?.advisoryCount).toBe(3);
      expect(await s.getEvent('EVT-nothere')).toBeNull();
      expect((await s.listEvents({})).map((e) => e.id)).toEqual(['EVT-00000001']);
      expect((await s.listEvents({ state: 'any' })).map((e) => e.id)).toEqual(['EVT-00000001', 'EVT-00000002']);
      expect((await s.listEvents({ state: 'normal' })).map((e) => e.id)).toEqual(['EVT-00000002']);
      expect((await s.listEvents({ state: 'any', fault: 'washout' })).map((e) => e.id)).toEqual(['EVT-00000002']);
      expect((await s.listEvents({ state: 'any', sinceMs: T0 + 6000 })).map((e) => e.id)).toEqual(['EVT-00000001']);
      // Open (a condition without a value) with filters that take values: the placeholders still line up.
      expect((await s.listEvents({ fault: 'kick', sinceMs: T0 + 6000, untilMs: T0 })).map((e) => e.id)).toEqual(['EVT-00000001']);
      expect(await s.listEvents({ fault: 'washout', untilMs: T0 + 2000 })).toEqual([]);
      await s.appendAudit({ timeMs: T0, actor: 'system', kind: 'alarm-event', summary: 'raised', after: { kind: 'raised' }, subject: 'EVT-00000001' });
      await s.appendAudit({ timeMs: T0, actor: 'system', kind: 'alarm-event', summary: 'raised', after: { kind: 'raised' }, subject: 'EVT-00000002' });
      const about = await s.listAudit({ subject: 'EVT-00000001' });
      expect(about.map((e) => e.subject)).toEqual(['EVT-00000001']);
      const ack = await s.acknowledge({ advisoryId: 'ADV-1', eventId: 'EVT-00000001', timeMs: T0, actor: 'D', action: 'shut in', notes: '' });
      expect(ack.eventId).toBe('EVT-00000001');
      expect((await s.listAcknowledgements({}))[0].eventId).toBe('EVT-00000001');
    });

    it('stores ML reports: latest, newest-first lists by time, one copy per id', async () => {
      const s = await make();
      expect(await s.latestMlReport()).toBeNull();
      expect(await s.listMlReports({})).toEqual([]);
      const a = mlReport('ML-a', T0, 9000, 9100);
      const b = mlReport('ML-b', T0 + HOUR_MS, 9100, 9180, true);
      const c = mlReport('ML-c', T0 + 2 * HOUR_MS, 9180, 9250);
      for (const r of [b, a, c, a]) await s.saveMlReport(r);
      expect(await s.latestMlReport()).toEqual(c);
      expect((await s.listMlReports({})).map((r) => r.id)).toEqual(['ML-c', 'ML-b', 'ML-a']);
      expect((await s.listMlReports({ sinceMs: T0 + HOUR_MS })).map((r) => r.id)).toEqual(['ML-c', 'ML-b']);
      expect((await s.listMlReports({ untilMs: T0 + HOUR_MS, limit: 1 })).map((r) => r.id)).toEqual(['ML-b']);
    });

    it('answers the nearest successful optimum by depth (inside a range, else the nearer end; newest on a tie)', async () => {
      const s = await make();
      expect(await s.nearestMlOptimum(9000)).toBeNull();
      await s.saveMlReport(mlReport('ML-shallow', T0, 9000, 9100));
      await s.saveMlReport(mlReport('ML-failed', T0 + HOUR_MS, 9100, 9300, true));
      await s.saveMlReport(mlReport('ML-deep', T0 + 2 * HOUR_MS, 9400, 9500));
      await s.saveMlReport(mlReport('ML-deep-again', T0 + 3 * HOUR_MS, 9400, 9500));
      expect((await s.nearestMlOptimum(9050))?.id).toBe('ML-shallow');
      expect((await s.nearestMlOptimum(9200))?.id).toBe('ML-shallow'); // 100 ft from 9100, 200 from 9400; the failed run is not an optimum
      expect((await s.nearestMlOptimum(9300))?.id).toBe('ML-deep-again');
      expect((await s.nearestMlOptimum(20_000))?.id).toBe('ML-deep-again');
      expect((await s.nearestMlOptimum(100))?.id).toBe('ML-shallow');
    });

    it('reports healthy, not disk-full', async () => {
      const s = await make();
      expect(s.health()).toMatchObject({ status: 'healthy', diskFull: false, pendingAdvisories: 0 });
    });
  });
}
