// Serves the built renderer (dist-renderer/) at / with SPA fallback, under a strict CSP.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** No inline script, no eval, no third-party origin; the page talks only to this server. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The request's path as the router reads it (percent-decoded, slashes collapsed, lower case):
 * an unmatched /%61pi/... is still an API path and gets the API's 404, never the dashboard.
 * This only picks which 404 answers; access is decided on the matched route (route-access.ts).
 */
function routedPath(url: string): string {
  const raw = url.split('?')[0];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape is not a dashboard route either; keep it raw.
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

const isApiPath = (url: string): boolean => routedPath(url).startsWith('/api/');

export interface StaticHandle {
  /** Whether a built renderer was found. */
  readonly served: boolean;
  /** For the not-found handler: serve index.html for a client-side route, or return false. */
  fallback(req: FastifyRequest, reply: FastifyReply): boolean;
}

export async function registerStatic(app: FastifyInstance, dir: string): Promise<StaticHandle> {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    return {
      served: false,
      fallback(req, reply) {
        if (req.method !== 'GET' || isApiPath(req.url)) return false;
        void reply.code(404).send({ error: 'not-found', message: `renderer not built: no index.html in ${root} (npm run build:renderer)` });
        return true;
      },
    };
  }
  // reply.sendFile for the SPA fallback below (this instance serves nothing itself).
  await app.register(fastifyStatic, { root, serve: false });
  // The dashboard's files are the only public routes: the page must load before it can ask
  // for the token. Everything else is denied by default (route-access.ts).
  await app.register(async (files) => {
    files.addHook('onRoute', (r) => {
      r.config = { ...r.config, public: true };
    });
    await files.register(fastifyStatic, { root, index: ['index.html'], decorateReply: false });
  });
  return {
    served: true,
    fallback(req, reply) {
      const accept = req.headers.accept ?? '';
      // Client-side routes (/reports, /settings): the SPA decides; assets and API stay 404.
      if (req.method !== 'GET' || isApiPath(req.url) || path.extname(routedPath(req.url)) !== '' || !accept.includes('text/html')) {
        return false;
      }
      void reply.sendFile('index.html');
      return true;
    },
  };
}
