// The desktop window loads the renderer from app://sairen/ (a custom protocol) instead of
// file://, so every response carries the CSP header and the page's origin is its own, not the
// whole disk. This module is the request -> file decision and the response; it does not import
// electron (main.ts registers it), so it is tested under plain Node.
import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sairen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** No inline script or style, no eval, nothing from any other origin; the page talks to the engine over IPC only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export type AppFile = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * The file under `root` that `url` names, or why not. Only app://sairen/...; percent-escapes
 * decoded once; any path that leaves root (.., encoded ..%2f, a backslash, a symlink out) is
 * refused. "/" and client-side routes without an extension serve index.html.
 */
export async function resolveAppFile(url: string, root: string): Promise<AppFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403, reason: 'not the app origin' };
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (rel.includes('\0') || rel.includes('\\')) return { ok: false, status: 400, reason: 'bad characters in the path' };
  if (rel.split('/').some((seg) => seg === '..')) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  if (rel === '/' || extname(rel) === '') rel = '/index.html';
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return { ok: false, status: 404, reason: 'renderer not built' };
  const candidate = resolve(realRoot, `.${rel}`);
  const file = await realpath(candidate).catch(() => null);
  if (!file) return { ok: false, status: 404, reason: 'no such file' };
  if (!file.startsWith(realRoot + sep)) return { ok: false, status: 403, reason: 'path leaves the app folder' };
  return { ok: true, path: file };
}

/** The protocol handler's answer for one request (a web Response, as protocol.handle wants). */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const f = await resolveAppFile(url, root);
  if (!f.ok) return new Response(f.reason, { status: f.status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  try {
    const body = await readFile(f.path);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': TYPES[extname(f.path).toLowerCase()] ?? 'application/octet-stream' } });
  } catch {
    return new Response('cannot read the file', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}
