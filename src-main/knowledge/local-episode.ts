// This rig's own episodes: a confirmed advisory, once someone records how it ended, becomes a
// recall episode, so precedent search works on a single rig with no fleet hub. Pure.
import type { Advisory } from '../../src-shared/advisory.js';
import { FLEET_SCHEMA_VERSION, type FleetEpisode, type FleetOutcome } from '../../src-shared/fleet.js';
import { fleetEventId, safeRigId } from '../fleet/fleet-event.js';
import { embedSignature, keyMetricsOf, levelsOnlySignature } from '../../src-shared/episode-embedding.js';
import { resolutionSummary } from '../../src-shared/outcome.js';

export function episodeIdFor(rigId: string, advisoryId: string): string {
  return `${fleetEventId(rigId, advisoryId)}-episode`;
}

/** null when the advisory was not physics-confirmed or no outcome is known yet. */
export function localEpisode(a: Advisory, outcome: FleetOutcome, who: { rigId: string; wellId: string }): FleetEpisode | null {
  if (a.physicsVerdict.status !== 'Confirmed' || outcome.kind === 'Pending') return null;
  // Advisories from before signatures existed carry only their metrics: levels, no trends.
  const sig = a.signature ?? levelsOnlySignature(keyMetricsOf(a.metrics, null), a.depthFt, a.depthFt);
  const eventId = fleetEventId(who.rigId, a.id);
  return {
    schemaVersion: FLEET_SCHEMA_VERSION,
    id: `${eventId}-episode`,
    eventId,
    sourceRigId: safeRigId(who.rigId),
    wellId: who.wellId.slice(0, 120),
    category: a.category,
    fault: a.fault,
    campaign: a.campaign,
    riskLevel: a.riskLevel,
    depthFromFt: sig.depthFromFt ?? a.depthFt,
    depthToFt: sig.depthToFt ?? a.depthFt,
    keyMetrics: sig.keyMetrics,
    resolutionSummary: resolutionSummary(a.fault, outcome).slice(0, 500),
    outcome,
    embedding: embedSignature(sig, a.fault, a.depthFt),
    timeMs: a.timeMs,
  };
}
