import { describe, expect, it } from 'vitest';
import { forHub, hubEventId } from '../../../src-main/fleet/hub-identity.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';

describe('hub event ids', () => {
  it('keeps an id already under the hub rig id, re-stamps one queued under another rig name', () => {
    expect(hubEventId('F-7-ADV-0000abcd', 'F-7')).toBe('F-7-ADV-0000abcd');
    expect(hubEventId('RIG-ADV-0000abcd', 'F-7')).toBe('F-7-ADV-0000abcd');
    expect(hubEventId('Old-Name-2-ADV-12345678', 'NEW')).toBe('NEW-ADV-12345678');
    expect(hubEventId('no-advisory-part', 'NEW')).toBe('no-advisory-part');
  });

  it('re-stamps the event itself consistently', () => {
    const ev = { ...makeFleetEvent({ rigId: 'RIG', timeMs: 1000 }), id: 'RIG-ADV-0000beef' };
    expect(forHub(ev, 'RIG')).toBe(ev);
    expect(forHub(ev, 'F-7')).toMatchObject({ id: 'F-7-ADV-0000beef', rigId: 'F-7' });
  });
});
