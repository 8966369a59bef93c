// Issue 2: a real pseudo-terminal pair (socat) carrying the simulator's output into the serial
// source, end to end: simulator CLI -> pty -> SerialSource -> canonical packets.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { waitFor } from './helpers.js';
import { cleanupAfterEach, killed, serialOverPty } from './pty.js';

const cleanup = cleanupAfterEach();

describe('simulator over a serial line', () => {
  it('the serial source decodes what the simulator CLI writes to the other end of a pty', async () => {
    const { pair, src, packets } = await serialOverPty(cleanup, 19200, { channelMap: buildChannelMap('wits-record01'), units: 'metric' });

    // A metric feed, as North Sea rigs send: the source converts it back to oilfield units.
    const sim = spawn('npx', ['tsx', 'src-main/cli/simulate.ts', '--serial', pair.a, '--scenario', 'normal', '--speed', '20', '--units', 'metric', '--seed', '3'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    cleanup.push(() => killed(sim));
    let simErr = '';
    sim.stderr?.on('data', (d: Buffer) => (simErr += d.toString()));

    await waitFor(() => packets.length >= 30, 30_000, `30 packets over the serial line (simulator said: ${simErr})`);
    const p = packets[packets.length - 1];
    expect(p.bitDepthFt as number).toBeGreaterThan(9000);
    expect(p.bitDepthFt as number).toBeLessThan(12_000);
    expect(p.flowInGpm as number).toBeGreaterThan(300);
    expect(p.mudWeightInPpg as number).toBeGreaterThan(11);
    expect(p.mudWeightInPpg as number).toBeLessThan(13);
    expect(src.status().badLines).toBe(0);
  }, 60_000);
});
