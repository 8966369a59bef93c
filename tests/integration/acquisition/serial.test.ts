import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { SerialSource } from '../../../src-main/acquisition/serial.js';
import { MAP, frame, waitFor } from './helpers.js';
import { cleanupAfterEach, killed, serialOverPty, startPtyPair } from './pty.js';

const cleanup = cleanupAfterEach();

describe('serial source over a real pty pair', () => {
  it('reads WITS frames written to the other end, split across writes, with line noise', async () => {
    const { pair, src, packets } = await serialOverPty(cleanup, 9600, { channelMap: MAP, units: 'imperial' });

    const fd = openSync(pair.a, 'w');
    cleanup.push(() => closeSync(fd));
    const text = frame(1) + '\x00\xffnoise\r\n' + frame(2) + frame(3);
    for (let i = 0; i < text.length; i += 7) writeSync(fd, Buffer.from(text.slice(i, i + 7), 'latin1'));
    await waitFor(() => packets.length === 3, 5000, 'three packets');
    expect(packets.map((p) => p.bitDepthFt)).toEqual([1001, 1002, 1003]);
    expect(packets[0].flowInGpm).toBe(600);
    expect(src.status().badLines).toBe(1);
    expect(src.status().description).toContain('9600 8N1');
  });

  it('reports reconnecting when the link goes away, and opening a missing port does not throw', async () => {
    const pair = await startPtyPair();
    const src = new SerialSource(
      { path: pair.b, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      { channelMap: MAP, units: 'imperial' },
      { backoffInitialMs: 50, backoffMaxMs: 100, maxRetries: 2 },
    );
    cleanup.push(() => src.dispose());
    src.start();
    await waitFor(() => src.status().state === 'connected', 5000, 'port open');
    await killed(pair.proc); // the pty disappears, like a USB adapter pulled out
    await waitFor(() => src.status().state === 'reconnecting' || src.status().state === 'offline', 5000, 'link loss noticed');
    // the path no longer exists: retries fail quietly until the budget is spent
    await waitFor(() => src.status().state === 'offline', 5000, 'offline');
    expect(src.status().detail).toMatch(/retry \d+ in/);
  });

  // The line settings the kernel holds for the open port, as `stty` reads them back.
  const lineFlags = (path: string): string[] => execFileSync('/usr/bin/stty', ['-a', '-F', path], { encoding: 'utf8' }).split(/\s+/);

  for (const [flowControl, expected, absent] of [
    ['rtscts', ['crtscts'], ['ixon', 'ixoff']],
    ['xonxoff', ['ixon', 'ixoff'], ['crtscts']],
    ['none', ['-crtscts', '-ixon', '-ixoff'], ['crtscts', 'ixon', 'ixoff']],
  ] as const) {
    it(`flow control ${flowControl} is set on the port and frames still arrive`, async () => {
      const { pair, src, packets } = await serialOverPty(cleanup, 19200, { channelMap: MAP, units: 'imperial' }, flowControl);
      const flags = lineFlags(pair.b);
      for (const f of expected) expect(flags, f).toContain(f);
      for (const f of absent) expect(flags, f).not.toContain(f);
      const fd = openSync(pair.a, 'w');
      cleanup.push(() => closeSync(fd));
      writeSync(fd, Buffer.from(frame(7), 'latin1'));
      await waitFor(() => packets.length === 1, 5000, 'one packet');
      expect(packets[0].bitDepthFt).toBe(1007);
      if (flowControl !== 'none') expect(src.status().description).toContain(flowControl === 'rtscts' ? 'RTS/CTS' : 'XON/XOFF');
    });
  }
});
