import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { parseContextFor, parseLlmOutput, normaliseConfidence } from '../../../src-main/llm/parse-output.js';
import { makeRequest } from './fixtures.js';

const ctx = parseContextFor(makeRequest('mse-inefficiency'), defaultConfig(), 'qwen-test');

function answer(parameters: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    diagnosis: 'Bit balling likely.',
    recommendation: 'Raise RPM, lower WOB.',
    parameters,
    confidence: 0.7,
    reasoning: 'MSE 42000 psi vs optimal 19300 psi.',
    ...extra,
  });
}

describe('parseLlmOutput', () => {
  it('accepts an in-range answer and keeps the model name, canonical units and template benefit', () => {
    const r = parseLlmOutput(
      answer([
        { name: 'rpm', action: 'increase', from: 120, to: 140, unit: 'RPM' },
        { name: 'wob', action: 'decrease', from: 25, to: 20, unit: 'klbs' },
      ]),
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.model).toBe('qwen-test');
    expect(r.text.parameters).toEqual([
      { name: 'rpm', action: 'increase', from: 120, to: 140, unit: 'rpm' },
      { name: 'wob', action: 'decrease', from: 25, to: 20, unit: 'klbf' },
    ]);
    expect(r.text.expectedBenefit).toBe('Template benefit.');
    expect(r.text.confidence).toBe(0.7);
  });

  it('refuses an out-of-range value with a readable reason', () => {
    const r = parseLlmOutput(answer([{ name: 'rpm', action: 'set', from: null, to: 900, unit: 'rpm' }]), ctx);
    expect(r).toEqual({ ok: false, reason: 'parameter rpm to 900 outside 0-250 rpm' });
  });

  it('refuses a step up of more than 20 % over the current reading', () => {
    const r = parseLlmOutput(answer([{ name: 'wob', action: 'increase', from: 25, to: 40, unit: 'klbf' }]), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('parameter wob to 40 klbf more than +20 % over current 25 klbf');
  });

  it('refuses mud weight above the fracture-gradient ceiling (14 - 0.1 ppg)', () => {
    const r = parseLlmOutput(answer([{ name: 'mud_weight', action: 'increase', from: 10.2, to: 14.5, unit: 'ppg' }]), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('fracture-gradient ceiling 13.9 ppg');
  });

  it('refuses a wrong unit and an "increase" that decreases', () => {
    const unit = parseLlmOutput(answer([{ name: 'flow_rate', action: 'set', from: null, to: 500, unit: 'lpm' }]), ctx);
    expect(unit.ok ? '' : unit.reason).toBe('parameter flow_rate unit "lpm" is not gpm');
    const dir = parseLlmOutput(answer([{ name: 'rpm', action: 'increase', from: 120, to: 100, unit: 'rpm' }]), ctx);
    expect(dir.ok ? '' : dir.reason).toContain('is not an increase');
  });

  it('refuses non-JSON, wrong shape, empty text and absurd confidence', () => {
    const notJson = parseLlmOutput('{"diagnosis": "cut', ctx);
    expect(notJson.ok ? '' : notJson.reason).toMatch(/^unparsable model output/);
    const shape = parseLlmOutput(answer([{ name: 'hookload', action: 'set', from: 1, to: 2, unit: 'klbf' }]), ctx);
    expect(shape.ok ? '' : shape.reason).toMatch(/schema at parameters\.0\.name/);
    const empty = parseLlmOutput(answer([], { diagnosis: '   ' }), ctx);
    expect(empty.ok ? '' : empty.reason).toMatch(/schema at diagnosis/);
    const conf = parseLlmOutput(answer([], { confidence: 4200 }), ctx);
    expect(conf.ok ? '' : conf.reason).toBe('confidence 4200 outside 0-1');
  });

  it('reads confidence 0-1 as a fraction and 1-100 as percent', () => {
    expect(normaliseConfidence(0.4)).toBe(0.4);
    expect(normaliseConfidence(85)).toBe(0.85);
    expect(normaliseConfidence(-1)).toBeNull();
  });
});
