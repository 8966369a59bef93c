// Issue 2: a real pseudo-terminal pair (socat) carrying the simulator's output into the serial
// source, end to end: simulator CLI -> pty -> SerialSource -> canonical packets.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { SerialSource } from '../../../src-main/acquisition/serial.js';
import type { WitsPacket } from '../../../src-shared/wits.js';
import { waitFor } from './helpers.js';
import { cleanupAfterEach, killed, startPtyPair } from './pty.js';

const cleanup = cleanupAfterEach();

describe('simulator over a serial line', () => {
  it('the serial source decodes what the simulator CLI writes to the other end of a pty', async () => {
    const pair = await startPtyPair();
    cleanup.push(() => killed(pair.proc));
    const src = new SerialSource(
      { path: pair.b, baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 1 },
      { channelMap: buildChannelMap('wits-record01'), units: 'metric' },
      { backoffInitialMs: 50, backoffMaxMs: 200 },
    );
    cleanup.push(() => src.stop());
    const packets: WitsPacket[] = [];
    src.onPacket((p) => packets.push(p));
    src.start();
    await waitFor(() => src.status().state === 'connected', 5000, 'port open');

    // A metric feed, as North Sea rigs send: the source converts it back to oilfield units.
    const sim = spawn('npx', ['tsx', 'src-main/simulator/cli.ts', '--serial', pair.a, '--scenario', 'normal', '--speed', '20', '--units', 'metric', '--seed', '3'], {
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
