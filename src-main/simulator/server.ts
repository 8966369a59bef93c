// TCP WITS server: streams one simulation (or any 1 Hz sample stream, e.g. a recording with a
// fault in it) to every connected client (the engine connects as a client, as it would to a
// rig's WITS port).
import net from 'node:net';
import type { UnitSystem } from '../../src-shared/units.js';
import type { ChannelMapPreset } from '../acquisition/channel-map.js';
import { runSamplesLive, type LiveOptions } from './live.js';
import { createSimulation, type SimSample } from './model.js';
import type { GroundTruth } from './scenarios.js';
import { createWitsFormatter, wireHookFor, type FrameHook } from './wire.js';

export interface SimulatorServerOptions extends LiveOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  channelMap?: ChannelMapPreset;
  units?: UnitSystem;
  /** Frames carry the sample's time as WITS Date/Time items (0105/0106), as many loggers send. */
  dateTime?: boolean;
  /** Seconds of the scenario skipped before serving (a feed restarted where it would have been). */
  fromS?: number;
}

export interface SimulatorServer {
  port: number;
  groundTruth(): GroundTruth;
  /** Frames written so far (to any number of clients, counted once). */
  framesSent(): number;
  close(): Promise<void>;
}

const HIGH_WATER_BYTES = 1 << 20;

export async function startSimulatorServer(opts: SimulatorServerOptions): Promise<SimulatorServer> {
  const simulation = createSimulation({ ...opts, startMs: opts.startMs ?? Math.floor(Date.now() / 1000) * 1000 });
  for (let i = 0; i < (opts.fromS ?? 0); i++) simulation.next();
  const server = await startWitsServer({ ...opts, next: () => simulation.next(), hook: wireHookFor(opts.scenario, opts.seed)?.hook });
  return { ...server, groundTruth: () => simulation.groundTruth() };
}

export interface WitsServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  channelMap?: ChannelMapPreset;
  units?: UnitSystem;
  speed?: number | 'max';
  hook?: FrameHook | null;
  /** Frames carry the sample's time as WITS Date/Time items (0105/0106). */
  dateTime?: boolean;
  next: () => SimSample | null;
}

/** Streams any 1 Hz sample stream as WITS frames to every connected client. */
export async function startWitsServer(opts: WitsServerOptions): Promise<Omit<SimulatorServer, 'groundTruth'>> {
  const clients = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    clients.add(socket);
    const drop = (): void => {
      clients.delete(socket);
      socket.destroy();
    };
    socket.on('error', drop);
    socket.on('close', drop);
    // Clients have nothing to say; read and discard so the socket never stalls.
    socket.on('data', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  const format = createWitsFormatter({ channelMap: opts.channelMap, units: opts.units, hook: opts.hook, dateTime: opts.dateTime });
  let frames = 0;
  // At 'max' speed a slow client holds back the stream instead of buffering without bound.
  const ready = (): boolean => [...clients].every((c) => c.writableLength < HIGH_WATER_BYTES);
  const speed = opts.speed ?? 1;
  const run = runSamplesLive(
    opts.next,
    speed,
    (s) => {
      const text = format(s, frames);
      frames++;
      for (const c of clients) if (!c.destroyed) c.write(text);
    },
    speed === 'max' ? ready : () => true,
  );

  return {
    port,
    framesSent: () => frames,
    close: async () => {
      run.stop();
      for (const c of clients) c.destroy();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
