// Who may reach which route, decided on the route the router matched (never on the raw URL,
// which the router decodes: /%61pi/v1/config is /api/v1/config). Deny by default: every route
// needs the token off loopback unless its config says `public: true` (the dashboard's files).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, bearerToken, isLoopbackHostHeader, isWriteMethod, type AuthPolicy } from './routes/security.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served to anyone (the dashboard's static files). Everything else needs the token off loopback. */
    public?: boolean;
    /** Also accept the token as ?token= (browsers cannot set headers on a WebSocket). */
    tokenInQuery?: boolean;
  }
}

export interface ApiRoute {
  url: string;
  methods: string[];
  public: boolean;
}

function requestToken(req: FastifyRequest, inQuery: boolean): string | null {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader || !inQuery) return fromHeader;
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.token === 'string' && q.token ? q.token : null;
}

/**
 * Installs the access hooks on the root instance (before any route is registered) and returns
 * the list of registered routes (read it after the server is ready).
 */
export function installRouteAccess(app: FastifyInstance, policy: AuthPolicy, boundHost: string): () => ApiRoute[] {
  const seen: { url: string; method: string | string[]; config?: { public?: boolean } }[] = [];
  // Plugins registered later mark their routes in their own onRoute hooks; the same options
  // object is passed along, so `config` is read when the list is asked for.
  app.addHook('onRoute', (r) => void seen.push(r as (typeof seen)[number]));

  app.addHook('onRequest', async (req, reply) => {
    if (policy.loopback && !isLoopbackHostHeader(req.headers.host)) {
      return reply.code(421).send({
        error: 'misdirected-request',
        message: `Host "${req.headers.host}" is not this machine: the API on ${boundHost} answers only to localhost names`,
      });
    }
    const config = req.routeOptions.config ?? {};
    // No route matched: the not-found handler answers a 404 or the dashboard shell, nothing else.
    if (config.public === true || req.is404) return;
    const denial = authorize(policy, isWriteMethod(req.method), requestToken(req, config.tokenInQuery === true));
    if (denial) {
      return reply.code(denial.status).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized', message: denial.message });
    }
  });

  return () => {
    const byUrl = new Map<string, ApiRoute>();
    for (const r of seen) {
      const route = byUrl.get(r.url) ?? { url: r.url, methods: [], public: r.config?.public === true };
      for (const m of [r.method].flat()) if (!route.methods.includes(m)) route.methods.push(m);
      byUrl.set(r.url, route);
    }
    return [...byUrl.values()];
  };
}
