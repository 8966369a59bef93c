import { describe, expect, it } from 'vitest';
import { fileSlug, reportFileName } from '../../../src-main/reports/export/report-files.js';

describe('report file names', () => {
  it('folds Norwegian and other letters to ASCII and keeps it short', () => {
    expect(fileSlug('Ærfugl Øst-3 «Brønn å»')).toBe('aerfugl-ost-3-bronn-a');
    expect(fileSlug('Ålesund Straße 7/11')).toBe('alesund-strasse-7-11');
    expect(fileSlug('井')).toBe('well');
    expect(fileSlug('x'.repeat(200))).toHaveLength(60);
  });

  it('names kind, well and local period', () => {
    const from = new Date(2025, 0, 2, 6, 0).getTime();
    const to = new Date(2025, 0, 2, 18, 0).getTime();
    const name = reportFileName({ kind: 'shift', well: { name: 'Grane A-12', field: '', rig: '', operator: '' }, period: { fromMs: from, toMs: to, fromDepthFt: null, toDepthFt: null, label: '' } }, 'pdf');
    expect(name).toBe('sairen-shift-grane-a-12-20250102-0600-20250102-1800.pdf');
  });
});
