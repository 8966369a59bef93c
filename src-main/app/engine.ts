// The engine as the shells (Electron IPC, headless HTTP/WebSocket) and tests see it.
// `createEngine(config, ports)` in ./create-engine.ts builds one.
import type {
  BridgeCommand,
  BridgeEventName,
  BridgeEvents,
  BridgeResult,
} from '../../src-shared/bridge.js';
import type { Advisory, VerificationResult } from '../../src-shared/advisory.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { HealthCheck } from '../health/health-check.js';

export interface Engine {
  /**
   * Runs one Bridge command. `request` is untrusted (IPC, WebSocket, HTTP body): it is
   * validated with the contract's zod schema here, and a bad one gets `ok: false` with a
   * message, never an exception.
   */
  call<C extends BridgeCommand>(command: C, request: unknown): Promise<BridgeResult<C>>;
  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  /** Latest live values (cheap: no I/O). */
  status(): LiveStatus;
  currentAdvisory(): Advisory | null;
  latestVerification(): VerificationResult | null;
  config(): WellConfig;
  /** Feed one packet directly (replay, tests). Live sources feed it through start(). */
  ingest(packet: WitsPacket): void;
  /** Adds a health check (the shell's API listener); returns how to take it out. */
  registerHealthCheck(check: HealthCheck): () => void;
  /** One self-healer pass now (tests; the engine runs them on health.check_interval_s). */
  runSelfHealer(): Promise<void>;
  start(): Promise<void>;
  /** Stops what the engine started (feed, timers, its own enricher); the shell closes what it passed in (storage). */
  dispose(): Promise<void>;
}
