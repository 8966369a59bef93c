import { describe, expect, it } from 'vitest';
import { ReportRequestSchema } from '../../../src-shared/reports.js';
import { defaultChoice, fromLocalInput, requestFor, toLocalInput } from '../../../src-renderer/lib/report-range.js';
import { sizeText } from '../../../src-renderer/lib/save-file.js';

const at = (h: number, m = 0) => new Date(2025, 0, 10, h, m).getTime();

describe('Reports view range picker', () => {
  it('defaults to the current shift from the configured hours', () => {
    const c = defaultChoice(at(14, 25), [6, 18]);
    expect(c).toMatchObject({ mode: 'current-shift', fromLocal: '2025-01-10T06:00', toLocal: '2025-01-10T14:25' });
    expect(requestFor(c, 'imperial')).toEqual({ request: { kind: 'shift' } });
  });

  it('turns a time range into epoch ms and refuses a backwards or empty one', () => {
    expect(fromLocalInput(toLocalInput(at(6)))).toBe(at(6));
    const c = { ...defaultChoice(at(14), [6, 18]), mode: 'time-range' as const, fromLocal: '2025-01-10T06:00', toLocal: '2025-01-10T18:00' };
    expect(requestFor(c, 'imperial')).toEqual({ request: { kind: 'shift', fromMs: at(6), toMs: at(18) } });
    expect(requestFor({ ...c, toLocal: '2025-01-10T05:00' }, 'imperial')).toEqual({ error: 'The start must be before the end.' });
    expect(requestFor({ ...c, fromLocal: '' }, 'imperial')).toEqual({ error: 'Enter both a start and an end time.' });
  });

  it('reads depths in the display unit and sends feet; the request passes the engine schema', () => {
    const c = { ...defaultChoice(at(14), [6, 18]), mode: 'depth' as const, fromDepth: '3000', toDepth: '3100,5' };
    const r = requestFor(c, 'metric');
    expect(r).toEqual({ request: { kind: 'interval', fromDepthFt: 9842.5, toDepthFt: 10172.2 } });
    if ('request' in r) expect(ReportRequestSchema.safeParse(r.request).success).toBe(true);
    expect(requestFor({ ...c, toDepth: '2000' }, 'metric')).toEqual({ error: 'The top depth must be shallower than the bottom depth.' });
    expect(requestFor({ ...c, fromDepth: 'deep' }, 'imperial')).toEqual({ error: 'Enter both depths as numbers.' });
  });

  it('says file sizes plainly', () => {
    expect(sizeText(1_400_000)).toBe('1.4 MB');
    expect(sizeText(39_120)).toBe('39 kB');
  });
});
