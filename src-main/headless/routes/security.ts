// Who may call the API. Loopback (the default bind) is trusted: only this machine can reach
// it. Bound anywhere else, writes need the bearer token and reads need it unless openReads.
import { timingSafeEqual } from 'node:crypto';

export interface AuthPolicy {
  /** True when the server is bound to a loopback address only. */
  loopback: boolean;
  /** Bearer token; null or '' = none configured. */
  token: string | null;
  openReads: boolean;
}

export interface AuthDenial {
  status: 401;
  message: string;
}

/** 127.0.0.1, ::1 and localhost; anything else (0.0.0.0, a LAN address, 127.0.0.2) is "off loopback". */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/**
 * DNS-rebinding guard for a loopback server: a web page whose name re-resolves to 127.0.0.1
 * would otherwise be same-origin with the API. Such requests carry that page's Host header.
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return true; // HTTP/1.0 clients send none; browsers always do
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return isLoopbackHost(name);
}

export function isWriteMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** Refuses a configuration that would expose writes to the network without a token. */
export function assertServablePolicy(host: string, token: string | null | undefined): void {
  if (!isLoopbackHost(host) && !token) {
    throw new Error(
      `refusing to serve the SAIREN API on ${host} without a token: set server.token in well_config.toml ` +
        '(or bind 127.0.0.1) so writes from the network need "Authorization: Bearer <token>"',
    );
  }
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Extracts the token from "Authorization: Bearer <token>". */
export function bearerToken(header: string | string[] | undefined): string | null {
  const h = Array.isArray(header) ? header[0] : header;
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m ? m[1] : null;
}

/**
 * The whole decision: null = allowed. `write` is an HTTP POST or a write command on the
 * WebSocket; `givenToken` comes from the Authorization header (or ?token= for WebSocket).
 */
export function authorize(policy: AuthPolicy, write: boolean, givenToken: string | null): AuthDenial | null {
  if (policy.loopback) return null;
  if (!write && policy.openReads) return null;
  if (policy.token && tokenMatches(policy.token, givenToken)) return null;
  return {
    status: 401,
    message: givenToken
      ? 'wrong bearer token'
      : `${write ? 'writes' : 'reads'} on this address need "Authorization: Bearer <token>" (server.token)`,
  };
}
