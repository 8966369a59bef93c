// The rig's HTTP link to the fleet hub over a thin, unreliable (satellite) connection: one
// request per call, a 30 s timeout, zstd both ways, and a plain verdict for every outcome:
// ok, unavailable (retry later), unauthorised (fix the key) or rejected (this item never will be).
import http from 'node:http';
import https from 'node:https';
import { LibraryDeltaSchema, stableStringify, type FleetEvent, type FleetOutcome, type LibraryDelta } from '../../src-shared/fleet.js';
import { zstdCompress, zstdDecompressBounded } from './wire-zstd.js';

export interface HubLink {
  hubUrl: string;
  rigId: string;
  key: string;
}

export type HubFailure = { ok: false; kind: 'unavailable' | 'unauthorised' | 'rejected'; status: number | null; message: string };
export type HubResult<T> = { ok: true; value: T } | HubFailure;

export interface LibraryPageResult {
  delta: LibraryDelta | null; // null = not modified (304)
  next: string | null;
}

export interface HubTraffic {
  requests: number;
  /** Request and response bodies as sent (compressed where compressed). */
  payloadBytesSent: number;
  payloadBytesReceived: number;
  /** Everything on the TCP connection, HTTP headers included. */
  wireBytesSent: number;
  wireBytesReceived: number;
}

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const MAX_REPLY_BYTES = 64 * 1024 * 1024;
const MAX_LIBRARY_JSON_BYTES = 512 * 1024 * 1024;

export const emptyTraffic = (): HubTraffic => ({ requests: 0, payloadBytesSent: 0, payloadBytesReceived: 0, wireBytesSent: 0, wireBytesReceived: 0 });

export interface HubClientOptions {
  timeoutMs?: number;
  /** Counters to add this client's traffic to (shared when the link is rebuilt). */
  traffic?: HubTraffic;
  clock?: () => number;
}

export class HubClient {
  readonly traffic: HubTraffic;
  /** The last call: did the hub answer at all (any HTTP status), and when. */
  lastContact: { reachable: boolean; timeMs: number } | null = null;
  private readonly timeoutMs: number;
  private readonly clock: () => number;
  private readonly counted = new WeakSet<http.ClientRequest>();
  private readonly active = new Set<http.ClientRequest>();
  private closed = false;

  constructor(
    readonly link: HubLink,
    o: HubClientOptions = {},
  ) {
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.traffic = o.traffic ?? emptyTraffic();
    this.clock = o.clock ?? Date.now;
  }

  async uploadEvent(event: FleetEvent): Promise<HubResult<'stored' | 'duplicate'>> {
    const r = await this.send('POST', '/api/fleet/events', zstdCompress(stableStringify(event)));
    if (!r.ok) return r;
    if (r.value.status === 201) return { ok: true, value: 'stored' };
    if (r.value.status === 200 || r.value.status === 409) return { ok: true, value: 'duplicate' };
    return this.failure(r.value);
  }

  async sendOutcome(id: string, outcome: FleetOutcome, notes: string): Promise<HubResult<'updated' | 'unknown-event'>> {
    const r = await this.send('POST', `/api/fleet/events/${encodeURIComponent(id)}/outcome`, zstdCompress(JSON.stringify({ outcome, notes })));
    if (!r.ok) return r;
    if (r.value.status >= 200 && r.value.status < 300) return { ok: true, value: 'updated' };
    if (r.value.status === 404) return { ok: true, value: 'unknown-event' };
    return this.failure(r.value);
  }

  async libraryPage(since: number, cursor: string | null): Promise<HubResult<LibraryPageResult>> {
    const q = new URLSearchParams({ since: String(since) });
    if (cursor) q.set('cursor', cursor);
    const r = await this.send('GET', `/api/fleet/library?${q}`, null);
    if (!r.ok) return r;
    if (r.value.status === 304) return { ok: true, value: { delta: null, next: null } };
    if (r.value.status !== 200) return this.failure(r.value);
    try {
      const encoding = String(r.value.headers['content-encoding'] ?? 'identity');
      const bytes = encoding === 'zstd' ? zstdDecompressBounded(r.value.body, MAX_LIBRARY_JSON_BYTES) : r.value.body;
      const parsed = LibraryDeltaSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (!parsed.success) return { ok: false, kind: 'unavailable', status: 200, message: `library page does not match the schema: ${parsed.error.issues[0]?.message}` };
      const next = r.value.headers['x-library-next'];
      return { ok: true, value: { delta: parsed.data, next: typeof next === 'string' && next ? next : null } };
    } catch (e) {
      return { ok: false, kind: 'unavailable', status: 200, message: `library page unreadable: ${(e as Error).message}` };
    }
  }

  /** A small call that says whether the hub answers at all. */
  async ping(): Promise<HubResult<true>> {
    const r = await this.send('GET', '/api/fleet/health', null);
    if (!r.ok) return r;
    return r.value.status === 200 ? { ok: true, value: true } : this.failure(r.value);
  }

  /** Ends calls in flight (engine shutdown does not wait for a 30 s satellite timeout). */
  close(): void {
    this.closed = true;
    for (const req of this.active) req.destroy(new Error('fleet link closed'));
  }

  private failure(reply: RawReply): HubFailure {
    let message = `hub answered ${reply.status}`;
    try {
      const body = JSON.parse(reply.body.toString('utf8')) as { message?: unknown };
      if (typeof body.message === 'string') message = `${message}: ${body.message.slice(0, 300)}`;
    } catch {
      // not JSON: the status says enough
    }
    const s = reply.status;
    const kind = s === 401 ? 'unauthorised' : s === 429 || s >= 500 || s < 400 ? 'unavailable' : 'rejected';
    return { ok: false, kind, status: s, message };
  }

  private send(method: 'GET' | 'POST', path: string, body: Buffer | null): Promise<HubResult<RawReply>> {
    let url: URL;
    try {
      // Relative to the hub URL, so a hub behind a path prefix (https://host/sairen) works.
      url = new URL(path.replace(/^\//, ''), this.link.hubUrl.endsWith('/') ? this.link.hubUrl : `${this.link.hubUrl}/`);
    } catch {
      return Promise.resolve({ ok: false, kind: 'unauthorised', status: null, message: `hub URL "${this.link.hubUrl}" is not a URL` });
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.link.key}`, 'x-rig-id': this.link.rigId, 'accept-encoding': 'zstd' };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-encoding': 'zstd', 'content-length': String(body.length) });
    if (this.closed) return Promise.resolve({ ok: false, kind: 'unavailable', status: null, message: 'fleet link closed' });
    const lib = url.protocol === 'https:' ? https : http;
    this.traffic.requests++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (r: HubResult<RawReply>) => {
        if (settled) return;
        settled = true;
        resolve(r);
      };
      const unavailable = (message: string) => finish({ ok: false, kind: 'unavailable', status: null, message });
      const req = lib.request(url, { method, headers, agent: false, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_REPLY_BYTES) req.destroy(new Error(`reply over ${MAX_REPLY_BYTES} bytes`));
          else chunks.push(c);
        });
        res.on('error', (e) => unavailable(`connection to the hub dropped: ${e.message}`));
        res.on('close', () => {
          this.count(req, size);
          this.lastContact = { reachable: true, timeMs: this.clock() };
          if (!res.complete) return unavailable('connection to the hub dropped mid-reply');
          finish({ ok: true, value: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) } });
        });
      });
      this.active.add(req);
      req.on('close', () => this.active.delete(req));
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs / 1000} s`)));
      req.on('error', (e) => {
        this.count(req, 0);
        if (!settled) this.lastContact = { reachable: false, timeMs: this.clock() };
        unavailable(`hub unreachable: ${e.message}`);
      });
      if (body) this.traffic.payloadBytesSent += body.length;
      req.end(body ?? undefined);
    });
  }

  private count(req: http.ClientRequest, received: number): void {
    if (this.counted.has(req)) return;
    this.counted.add(req);
    this.traffic.payloadBytesReceived += received;
    const s = req.socket;
    if (s) {
      this.traffic.wireBytesSent += s.bytesWritten;
      this.traffic.wireBytesReceived += s.bytesRead;
    }
  }
}
