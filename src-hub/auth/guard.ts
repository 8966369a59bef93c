// Authorisation on the route the router matched (never on the raw URL), deny by default: every
// route states who may call it in its config, and a route that states nothing answers 403.
// Runs after the per-rig rate limit, so guessing keys costs the guesser, not scrypt time.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { FleetIdSchema } from '../../src-shared/fleet.js';
import { HubError } from '../errors.js';
import type { RigStore } from '../store/rigs.js';
import { hashRigKey, secretEquals, verifyRigKey, type RigKeyVerifier } from './keys.js';

let dummy: Promise<string> | null = null;
const dummyHash = (): Promise<string> => (dummy ??= hashRigKey('no rig has this key'));

/** public: anyone (health); rig: a rig's own key; admin: the admin key; page: admin, Basic allowed. */
export type Access = 'public' | 'rig' | 'admin' | 'rig-or-admin' | 'page';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The authenticated rig, null for admin or public calls. */
    rigId: string | null;
  }
}

export interface GuardDeps {
  adminKey: string;
  rigs: RigStore;
  verifier: RigKeyVerifier;
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(h.trim());
  return m ? m[1] : null;
}

/** The password of an HTTP Basic header (a browser's prompt for the fleet page). */
function basicPassword(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string' || !/^Basic /.test(h)) return null;
  const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i >= 0 ? decoded.slice(i + 1) : null;
}

const unauthorised = (message: string) => new HubError(401, 'unauthorized', message);

async function authenticateRig(req: FastifyRequest, deps: GuardDeps): Promise<string> {
  const key = bearer(req);
  const rigHeader = req.headers['x-rig-id'];
  if (!key) throw unauthorised('send the rig key as Authorization: Bearer <key>');
  const rigId = typeof rigHeader === 'string' && FleetIdSchema.safeParse(rigHeader).success ? rigHeader : null;
  if (!rigId) throw unauthorised('send the rig id as X-Rig-ID');
  const rig = await deps.rigs.find(rigId);
  // Unknown rig and wrong key read the same and cost the same scrypt, so ids cannot be probed.
  const ok = rig ? await deps.verifier.verify(rigId, key, rig.keyHash) : await verifyRigKey(key, await dummyHash());
  if (!rig || !ok) throw unauthorised('rig id or key not accepted');
  if (rig.revokedMs !== null) throw unauthorised(`the key of rig ${rigId} has been revoked`);
  return rigId;
}

function isAdmin(req: FastifyRequest, adminKey: string, allowBasic: boolean): boolean {
  const presented = bearer(req) ?? (allowBasic ? basicPassword(req) : null);
  return presented !== null && secretEquals(presented, adminKey);
}

async function authorise(req: FastifyRequest, reply: FastifyReply, deps: GuardDeps): Promise<void> {
  req.rigId = null;
  const access = req.routeOptions.config?.access;
  switch (access) {
    case 'public':
      return;
    case 'admin':
      if (!isAdmin(req, deps.adminKey, false)) throw unauthorised('this endpoint needs the hub admin key');
      return;
    case 'page':
      if (!isAdmin(req, deps.adminKey, true)) {
        reply.header('WWW-Authenticate', 'Basic realm="SAIREN fleet hub", charset="UTF-8"');
        throw unauthorised('the fleet page needs the hub admin key');
      }
      return;
    case 'rig-or-admin':
      if (isAdmin(req, deps.adminKey, false)) return;
      req.rigId = await authenticateRig(req, deps);
      return;
    case 'rig':
      req.rigId = await authenticateRig(req, deps);
      return;
    default:
      throw new HubError(403, 'forbidden', 'this endpoint has no access policy');
  }
}

/** Adds the guard to every route registered after this call (register it after the rate limit). */
export function installGuard(app: FastifyInstance, deps: GuardDeps): void {
  app.decorateRequest('rigId', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const hook = async (req: FastifyRequest, reply: FastifyReply) => authorise(req, reply, deps);
    const existing = route.onRequest;
    route.onRequest = existing === undefined ? [hook] : Array.isArray(existing) ? [...existing, hook] : [existing, hook];
  });
}
