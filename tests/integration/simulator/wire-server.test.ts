import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChannelMap, toCanonical } from '../../../src-main/acquisition/channel-map.js';
import { runSimulationLive } from '../../../src-main/simulator/live.js';
import { createSimulation } from '../../../src-main/simulator/model.js';
import { startSimulatorServer, type SimulatorServer } from '../../../src-main/simulator/server.js';
import { createWitsFormatter, wireHookFor } from '../../../src-main/simulator/wire.js';
import { parseWits } from '../../unit/simulator/helpers.js';

describe('WITS wire output', () => {
  it('metric units convert back to the canonical values (reference map)', () => {
    const map = buildChannelMap('reference');
    const fmt = createWitsFormatter({ channelMap: 'reference', units: 'metric' });
    const samples = [...createSimulation({ scenario: 'normal', seed: 9, durationS: 30 })];
    const frames = parseWits(samples.map((s, i) => fmt(s, i)).join(''));
    expect(frames).toHaveLength(30);
    for (let i = 0; i < 30; i++) {
      expect(frames[i].size).toBeGreaterThan(15);
      for (const [code, wire] of frames[i]) {
        const ch = map.byCode.get(code)!;
        const truth = samples[i].values[ch]!;
        // Two decimals on the wire in metric units; compare with that resolution scaled back.
        const back = toCanonical(ch, wire, 'metric');
        const tol = Math.abs(toCanonical(ch, 0.01, 'metric') - toCanonical(ch, 0, 'metric')) + 1e-9;
        expect(Math.abs(back - truth)).toBeLessThanOrEqual(tol);
      }
    }
    // Metric really is different on the wire: depth ~3050 m, not ~10 000 ft.
    expect(frames[0].get('0108')!).toBeGreaterThan(3000);
    expect(frames[0].get('0108')!).toBeLessThan(3100);
  });

  it('garbage scenario mixes malformed lines in without losing a good frame', () => {
    const injector = wireHookFor('garbage', 4)!;
    const fmt = createWitsFormatter({ hook: injector.hook });
    const samples = [...createSimulation({ scenario: 'garbage', seed: 4, durationS: 400 })];
    const text = samples.map((s, i) => fmt(s, i)).join('');
    expect(injector.injected()).toBeGreaterThan(20);
    expect(text).toContain('garbage');
    const frames = parseWits(text);
    expect(frames).toHaveLength(400);
    for (let i = 0; i < 400; i++) {
      expect(frames[i].get('0108')!).toBeCloseTo(samples[i].values.bitDepthFt!, 2);
    }
    expect(wireHookFor('normal', 4)).toBeNull();
  });
});

describe('live emission and TCP server', () => {
  let server: SimulatorServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('runSimulationLive paces at the requested speed and stops on demand', async () => {
    const got: number[] = [];
    const run = runSimulationLive({ scenario: 'normal', seed: 2, durationS: 3600, speed: 40, startMs: 0 }, (s) => got.push(s.timeMs));
    await new Promise((r) => setTimeout(r, 600));
    run.stop();
    await run.done;
    const n = got.length;
    // ~24 samples in 0.6 s at 40x; generous bounds for a loaded two-core machine.
    expect(n).toBeGreaterThan(8);
    expect(n).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 150));
    expect(got.length).toBe(n);
    expect(got.slice(0, 3)).toEqual([0, 1000, 2000]);
  });

  it('streams valid WITS frames to a loopback client', async () => {
    server = await startSimulatorServer({ port: 0, scenario: 'kick', seed: 3, speed: 50, durationS: 3600 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.groundTruth().faults[0].category).toBe('kick');
    const text = await new Promise<string>((resolve, reject) => {
      let buf = '';
      const sock = net.connect(server!.port, '127.0.0.1');
      sock.setEncoding('latin1');
      sock.on('data', (d: string) => {
        buf += d;
        if (parseWits(buf).length >= 10) {
          sock.destroy();
          resolve(buf);
        }
      });
      sock.on('error', reject);
      setTimeout(() => reject(new Error('no frames within 5 s')), 5000);
    });
    const frames = parseWits(text);
    expect(frames.length).toBeGreaterThanOrEqual(10);
    for (const f of frames) {
      expect(f.get('0108')!).toBeGreaterThan(9900); // bit depth, ft
      expect(f.get('0130')!).toBeGreaterThan(500); // flow in, gpm (Record 01)
      expect(f.get('0121')!).toBeGreaterThan(2000); // SPP, psi (Record 01)
    }
    expect(text.split('\r\n')[0]).not.toBe(''); // CRLF framing
  });

  it('serves several clients at once and survives one leaving', async () => {
    server = await startSimulatorServer({ port: 0, scenario: 'normal', seed: 1, speed: 50, durationS: 3600 });
    const collect = (n: number): Promise<number> =>
      new Promise((resolve, reject) => {
        let buf = '';
        const sock = net.connect(server!.port, '127.0.0.1');
        sock.on('data', (d) => {
          buf += d.toString('latin1');
          const k = parseWits(buf).length;
          if (k >= n) {
            sock.destroy();
            resolve(k);
          }
        });
        sock.on('error', reject);
        setTimeout(() => reject(new Error('timeout')), 6000);
      });
    const [a, b] = await Promise.all([collect(3), collect(8)]);
    expect(a).toBeGreaterThanOrEqual(3);
    expect(b).toBeGreaterThanOrEqual(8);
    expect(await collect(3)).toBeGreaterThanOrEqual(3);
  });
});
