// An uploaded event distilled into a library episode. Pure.
import { embedSignature, keyMetricsFromWindow, signatureOf } from '../../src-shared/episode-embedding.js';
import { FLEET_SCHEMA_VERSION, type FleetEpisode, type FleetEvent } from '../../src-shared/fleet.js';
import { resolutionSummary } from '../../src-shared/outcome.js';

export function episodeIdFor(eventId: string): string {
  return `${eventId}-episode`;
}

/** The episode for `event`; `id` is kept when the event replaces a near-duplicate episode. */
export function episodeFromEvent(event: FleetEvent, id = episodeIdFor(event.id)): FleetEpisode {
  // The same signature and embedding a rig makes for its own episodes (src-shared), so a rig's
  // recall can use the vector as sent.
  const sig = signatureOf(keyMetricsFromWindow(event.historyWindow), event.historyWindow);
  const depthFromFt = minOf(sig.depthFromFt, event.depthFt);
  const depthToFt = maxOf(sig.depthToFt, event.depthFt);
  return {
    schemaVersion: FLEET_SCHEMA_VERSION,
    id,
    eventId: event.id,
    sourceRigId: event.rigId,
    wellId: event.wellId,
    category: event.category,
    fault: event.fault,
    campaign: event.campaign,
    riskLevel: event.riskLevel,
    depthFromFt,
    depthToFt,
    keyMetrics: sig.keyMetrics,
    resolutionSummary: resolutionSummary(event.fault, event.outcome).slice(0, 500),
    outcome: event.outcome,
    // Four decimals: cosine similarity moves by < 0.001, and each episode is ~300 bytes lighter
    // on a satellite link (uncompressed) than at full double precision.
    embedding: embedSignature(sig, event.fault, event.depthFt ?? depthToFt).map((x) => Math.round(x * 1e4) / 1e4),
    timeMs: event.timeMs,
  };
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
