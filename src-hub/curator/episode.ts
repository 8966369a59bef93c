// An uploaded event distilled into a library episode. Pure.
import { episodeEmbedding, keyMetricsFromWindow } from '../../src-shared/episode-embedding.js';
import { FLEET_SCHEMA_VERSION, type FleetEpisode, type FleetEvent, type FleetOutcome } from '../../src-shared/fleet.js';

/** One line a driller reads: "pack-off, circulated and reamed, resolved". */
export function resolutionSummary(fault: string, o: FleetOutcome): string {
  const line = (() => {
    switch (o.kind) {
      case 'Resolved':
        return o.action.trim() ? `${fault}, ${o.action.trim()}, resolved` : `${fault}, resolved`;
      case 'Escalated':
        return o.reason.trim() ? `${fault}, escalated: ${o.reason.trim()}` : `${fault}, escalated`;
      case 'FalsePositive':
        return `${fault}, false alarm`;
      case 'Pending':
        return `${fault}, outcome pending`;
    }
  })();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

export function episodeIdFor(eventId: string): string {
  return `${eventId}-episode`;
}

/** The episode for `event`; `id` is kept when the event replaces a near-duplicate episode. */
export function episodeFromEvent(event: FleetEvent, id = episodeIdFor(event.id)): FleetEpisode {
  const depths = [event.depthFt, ...event.historyWindow.map((s) => s.depthFt)].filter((d): d is number => d !== null);
  const keyMetrics = keyMetricsFromWindow(event.historyWindow);
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
    depthFromFt: depths.length ? Math.min(...depths) : null,
    depthToFt: depths.length ? Math.max(...depths) : null,
    keyMetrics,
    resolutionSummary: resolutionSummary(event.fault, event.outcome),
    outcome: event.outcome,
    embedding: episodeEmbedding(keyMetrics),
    timeMs: event.timeMs,
  };
}
