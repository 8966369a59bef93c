import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from '../../../src-main/cli/headless-args.js';

describe('headless CLI arguments', () => {
  it('parses a TCP source with options in any order', () => {
    const r = parseHeadlessArgs(['--port', '9001', '--wits-tcp', 'rig.local:5000', '--data-dir', '/tmp/x']);
    expect(r.ok && r.options.source).toEqual({ kind: 'tcp', host: 'rig.local', port: 5000 });
    expect(r.ok && r.options.port).toBe(9001);
  });

  it('takes a column map file for a CSV replay (read and checked by the shell)', () => {
    const r = parseHeadlessArgs(['--column-map', 'map.json', '--csv', 'log.csv']);
    expect(r.ok && r.options.columnMapPath).toBe('map.json');
    expect(r.ok && r.options.source).toEqual({ kind: 'csv', path: 'log.csv', speed: 'max' });
  });

  it('applies --speed and --seed given after --simulate', () => {
    const r = parseHeadlessArgs(['--simulate', 'kick', '--speed', '20', '--seed', '7']);
    expect(r.ok && r.options.source).toEqual({ kind: 'simulator', scenario: 'kick', seed: 7, speed: 20 });
  });

  it('--wits-listen takes a bind address and --wits-allow the logger addresses', () => {
    const r = parseHeadlessArgs(['--wits-listen', '10.0.0.2:5000', '--wits-allow', '10.0.0.7, 10.0.0.8']);
    expect(r.ok && r.options.source).toEqual({ kind: 'listen', port: 5000, host: '10.0.0.2', allow: ['10.0.0.7', '10.0.0.8'] });
    expect(parseHeadlessArgs(['--wits-listen', '5000']).ok && true).toBe(true);
    const v6 = parseHeadlessArgs(['--wits-listen', '[::1]:5000']);
    expect(v6.ok && v6.options.source).toEqual({ kind: 'listen', port: 5000, host: '::1' });
  });

  it('builds a serial source with line settings', () => {
    const r = parseHeadlessArgs(['--serial', '/dev/ttyS0', '--baud', '19200', '--parity', 'even', '--data-bits', '7']);
    expect(r.ok && r.options.source).toEqual({ kind: 'serial', path: '/dev/ttyS0', baudRate: 19200, dataBits: 7, parity: 'even', stopBits: 1, flowControl: 'none' });
    const fc = parseHeadlessArgs(['--flow-control', 'rtscts', '--serial', '/dev/ttyS0']);
    expect(fc.ok && fc.options.source).toMatchObject({ kind: 'serial', flowControl: 'rtscts' });
  });

  it.each([
    [['--wits-tcp', 'nohost'], '--wits-tcp expects HOST:PORT'],
    [['--port', 'abc'], '--port expects'],
    [['--csv'], '--csv needs a value'],
    [['--bogus'], 'unknown option --bogus'],
    [['--stdin', '--csv', 'a.csv'], 'choose one source'],
    [['--campaign', 'exploration'], '--campaign expects'],
    [['--serial', '/dev/ttyS0', '--flow-control', 'dtr'], '--flow-control expects none, rtscts, xonxoff, got "dtr"'],
    [['--simulate', 'kick', '--speed', 'max'], '--speed max is for --csv'],
    [['--simulate', 'blowout'], '--simulate expects a scenario'],
    [['--wits-tcp', 'rig:5000', '--column-map', 'map.json'], '--column-map goes with --csv FILE'],
    [['--serial', '/dev/ttyS0', '--parity', 'mark'], '--parity expects none, even, odd'],
    [['--stdin', 'extra'], 'Unexpected argument'],
    [['--wits-listen', 'rig.local:5000'], '--wits-listen expects PORT or ADDRESS:PORT'],
    [['--wits-listen', '5000', '--wits-allow', 'logger.rig'], '--wits-allow expects IP addresses'],
    [['--wits-tcp', 'a:1', '--wits-allow', '10.0.0.7'], '--wits-allow goes with --wits-listen'],
  ])('rejects %j with a clear message', (argv, message) => {
    const r = parseHeadlessArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe('replay CLI arguments', () => {
  it('parses a replay with options in any order', async () => {
    const { parseReplayArgs } = await import('../../../src-main/cli/replay.js');
    expect(parseReplayArgs(['--report', 'r.json', '--csv', 'a.csv', '--speed', '20', '--campaign', 'pa'])).toMatchObject({ csv: 'a.csv', report: 'r.json', speed: 20, campaign: 'plug_abandonment' });
    expect(() => parseReplayArgs([])).toThrow('--csv FILE is required');
    expect(() => parseReplayArgs(['--csv', 'a.csv', '--speed', 'fast'])).toThrow('--speed expects');
    expect(() => parseReplayArgs(['--csv'])).toThrow('--csv needs a value');
  });
});

describe('the headless process with a bad argument', () => {
  it('an unknown --simulate scenario: one line on stderr, exit code 2, nothing started', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/headless.ts', '--simulate', 'bogus', '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    const err = r.stderr.trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^sairen headless: --simulate expects a scenario \(normal, kick, .*\), got "bogus"/);
    expect(r.stdout).toBe('');
  });
});
