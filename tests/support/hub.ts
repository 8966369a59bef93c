// A real hub instance on loopback against a fresh PostgreSQL database, plus a raw HTTP helper
// that sends exactly the bytes and headers a test wants (node:http, no client-side magic).
import http from 'node:http';
import { hubConfigFromEnv, type HubConfig } from '../../src-hub/config.js';
import { startHub, type HubOptions, type RunningHub } from '../../src-hub/server.js';
import { zstdCompress } from '../../src-hub/zstd.js';
import { stableStringify } from '../../src-shared/fleet.js';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export function hubConfig(databaseUrl: string, over: Record<string, string> = {}): HubConfig {
  const r = hubConfigFromEnv({ SAIREN_HUB_DATABASE_URL: databaseUrl, SAIREN_HUB_ADMIN_KEY: ADMIN_KEY, SAIREN_HUB_PORT: '0', ...over });
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

export async function startTestHub(databaseUrl: string, env: Record<string, string> = {}, opts: HubOptions = {}): Promise<RunningHub> {
  return startHub(hubConfig(databaseUrl, env), { curatorIntervalMs: 0, ...opts });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json(): unknown;
}

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

export async function registerRig(hubUrl: string, rigId: string): Promise<string> {
  const r = await request(`${hubUrl}/api/fleet/admin/rigs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rigId }),
  });
  if (r.status !== 201) throw new Error(`register ${rigId}: ${r.status} ${r.body.toString()}`);
  return (r.json() as { key: string }).key;
}

export function rigHeaders(rigId: string, key: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${key}`, 'x-rig-id': rigId, ...extra };
}

/** POSTs an event as a rig does: stable JSON, zstd level 3. */
export function uploadEvent(hubUrl: string, rigId: string, key: string, event: unknown): Promise<RawResponse> {
  return request(`${hubUrl}/api/fleet/events`, {
    method: 'POST',
    headers: rigHeaders(rigId, key, { 'content-type': 'application/json', 'content-encoding': 'zstd' }),
    body: zstdCompress(stableStringify(event)),
  });
}
