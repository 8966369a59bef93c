// The fleet page: rigs, recent events and the library, rendered on the server (no scripts).
// Admin key needed (the browser asks for it: any user name, the key as password).
import type { FastifyInstance } from 'fastify';
import type { FleetOutcome } from '../../src-shared/fleet.js';
import type { HubContext } from '../context.js';
import { esc, isoOrDash } from '../html.js';

const outcomeText = (o: FleetOutcome): string =>
  o.kind === 'Resolved' ? `resolved: ${o.action}` : o.kind === 'Escalated' ? `escalated: ${o.reason}` : o.kind === 'FalsePositive' ? 'false alarm' : 'pending';

const STYLE = `body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse;margin:8px 0 24px}
th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}th{background:#f3f4f6}.off{color:#999}`;

export async function pageRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  app.get('/fleet', { config: { access: 'page' } }, async (_req, reply) => {
    const [rigs, events, version, size] = await Promise.all([ctx.rigs.list(), ctx.events.recent(50), ctx.library.version(), ctx.library.size()]);
    const rigRows = rigs
      .map((r) => `<tr class="${r.active ? '' : 'off'}"><td>${esc(r.rigId)}</td><td>${esc(r.name)}</td><td>${r.active ? 'active' : 'revoked'}</td>` +
        `<td>${esc(isoOrDash(r.lastSeenMs))}</td><td>${r.events}</td><td>${r.libraryVersion}</td></tr>`)
      .join('');
    const eventRows = events
      .map((e) => `<tr><td>${esc(isoOrDash(e.timeMs))}</td><td>${esc(e.rigId)}</td><td>${esc(e.fault)}</td><td>${esc(e.risk)}</td>` +
        `<td>${e.depthFt === null ? '—' : esc(Math.round(e.depthFt))}</td><td>${esc(outcomeText(e.outcome))}</td></tr>`)
      .join('');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SAIREN fleet hub</title><style>${STYLE}</style></head><body>
<h1>SAIREN fleet hub</h1>
<p>Library: <b>${size}</b> episodes, version <b>${version}</b> (cap ${ctx.config.libraryCap}).</p>
<h2>Rigs (${rigs.length})</h2>
<table><tr><th>Rig</th><th>Name</th><th>Key</th><th>Last seen (UTC)</th><th>Events</th><th>Library version</th></tr>${rigRows}</table>
<h2>Recent events</h2>
<table><tr><th>Time (UTC)</th><th>Rig</th><th>Fault</th><th>Risk</th><th>Depth (ft)</th><th>Outcome</th></tr>${eventRows}</table>
</body></html>`;
    return reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-store')
      .send(html);
  });
}
