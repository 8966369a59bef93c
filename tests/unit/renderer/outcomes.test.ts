import { describe, expect, it } from 'vitest';
import type { Precedent } from '../../../src-shared/advisory.js';
import type { OutcomeRecord } from '../../../src-shared/outcome.js';
import { outcomeFromChoice } from '../../../src-renderer/lib/outcome-form.js';
import { depthLabel, precedentView } from '../../../src-renderer/lib/precedent-text.js';
import { useOutcomes } from '../../../src-renderer/store/outcome-store.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1);

describe('precedent on screen', () => {
  const recall: Precedent = {
    id: 'F-7-ADV-1-episode', summary: 'F-7, 7,579 ft, 3 weeks ago: pack-off, circulated and reamed, resolved', source: 'recall',
    rig: 'F-7', depthFt: 7579, timeMs: T0 - 21 * DAY, outcome: { kind: 'Resolved', action: 'circulated and reamed' },
    resolution: 'pack-off, circulated and reamed, resolved', similarity: 0.93,
  };

  it('reads rig, depth in the screen units and how long before the advisory', () => {
    expect(precedentView(recall, T0, 'metric')).toEqual({
      id: recall.id, head: 'F-7, 2,310 m, 3 weeks ago', what: 'pack-off, circulated and reamed, resolved',
      outcome: 'Resolved', outcomeWord: 'resolved', source: 'recall',
    });
    expect(precedentView(recall, T0, 'imperial').head).toBe('F-7, 7,579 ft, 3 weeks ago');
  });

  it('shows a knowledge-base entry as its text', () => {
    const kb: Precedent = { id: 'KB-1', summary: 'Kick at 9,850 ft, shut in', source: 'static knowledge base' };
    expect(precedentView(kb, T0, 'metric')).toMatchObject({ head: null, what: 'Kick at 9,850 ft, shut in', outcome: null });
    expect(depthLabel(null, 'metric')).toBeNull();
  });
});

describe('outcome form', () => {
  it('needs the action or the reason, and allows "not known yet"', () => {
    expect(outcomeFromChoice({ kind: 'unknown', text: 'x' })).toEqual({ ok: true, outcome: null });
    expect(outcomeFromChoice({ kind: 'FalsePositive', text: '' })).toEqual({ ok: true, outcome: { kind: 'FalsePositive' } });
    expect(outcomeFromChoice({ kind: 'Resolved', text: '  reamed ' })).toEqual({ ok: true, outcome: { kind: 'Resolved', action: 'reamed' } });
    expect(outcomeFromChoice({ kind: 'Resolved', text: ' ' })).toEqual({ ok: false, error: 'Say what resolved it.' });
    expect(outcomeFromChoice({ kind: 'Escalated', text: '' })).toEqual({ ok: false, error: 'Say why it was escalated.' });
  });
});

describe('outcome store', () => {
  const rec = (seq: number, advisoryId: string, kind: 'FalsePositive' | 'Resolved'): OutcomeRecord => ({
    seq, advisoryId, timeMs: T0 + seq, actor: 'JD', outcome: kind === 'Resolved' ? { kind, action: 'reamed' } : { kind }, notes: '',
  });

  it('keeps the newest outcome per advisory and bumps its version on each change', () => {
    useOutcomes.getState().setAll([rec(3, 'A', 'Resolved'), rec(1, 'A', 'FalsePositive'), rec(2, 'B', 'FalsePositive')]);
    expect(useOutcomes.getState().latest.A.seq).toBe(3);
    expect(useOutcomes.getState().latest.B.outcome.kind).toBe('FalsePositive');
    const v = useOutcomes.getState().version;
    useOutcomes.getState().apply(rec(2, 'A', 'FalsePositive')); // older than what it holds: ignored
    expect(useOutcomes.getState().latest.A.seq).toBe(3);
    useOutcomes.getState().apply(rec(4, 'A', 'FalsePositive'));
    expect(useOutcomes.getState().latest.A.outcome.kind).toBe('FalsePositive');
    expect(useOutcomes.getState().version).toBe(v + 1);
  });
});
