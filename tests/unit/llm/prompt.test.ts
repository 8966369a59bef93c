import { describe, expect, it } from 'vitest';
import { CAMPAIGNS } from '../../../src-shared/campaign.js';
import { buildPrompt } from '../../../src-main/llm/prompt.js';
import { makeRequest, REPRESENTATIVE_FAULTS } from './fixtures.js';

describe('prompt', () => {
  for (const campaign of CAMPAIGNS) {
    for (const [category, fault] of Object.entries(REPRESENTATIVE_FAULTS)) {
      it(`snapshot: ${campaign} / ${category} (${fault})`, () => {
        const p = buildPrompt(makeRequest(fault, campaign));
        expect(p.system).toMatchSnapshot('system');
        expect(p.user).toMatchSnapshot('user');
      });
    }
  }

  it('is pure: the same request gives the same prompt', () => {
    expect(buildPrompt(makeRequest('kick'))).toEqual(buildPrompt(makeRequest('kick')));
  });

  it('states physics as ground truth, the limits and the JSON shape', () => {
    const { system } = buildPrompt(makeRequest('kick'));
    expect(system).toContain('ground truth');
    expect(system).toContain('rpm 0-250 rpm');
    expect(system).toContain('"parameters"');
    expect(system).toContain('"confidence"');
  });

  it('carries breaches, verification reason, every vote and the precedent', () => {
    const req = makeRequest('kick');
    const { user } = buildPrompt(req);
    expect(user).toContain(req.verification.reason);
    for (const v of req.advisory.votes) expect(user).toContain(`${v.specialist}: ${v.level}`);
    expect(user).toContain(req.advisory.precedents[0].summary);
    expect(user).toContain('flowBalanceGpm 24.00 gpm vs critical threshold 20.00 gpm');
  });

  it('P&A prompt is about cement and barriers, production about drilling optimisation', () => {
    const pa = buildPrompt(makeRequest('kick', 'plug_abandonment'));
    const prod = buildPrompt(makeRequest('kick', 'production'));
    expect(pa.system).toMatch(/cement placement, pressure tests, barrier/);
    expect(pa.user).toContain('Casing pressure: 450 psi');
    expect(prod.system).toContain('drilling optimisation');
    expect(prod.user).not.toContain('Casing pressure');
  });

  it('writes n/a for a missing reading, never a number', () => {
    const req = makeRequest('mse-inefficiency');
    req.ticket.packet = { ...req.ticket.packet, rpm: null };
    expect(buildPrompt(req).user).toContain('- RPM: n/a');
  });
});
