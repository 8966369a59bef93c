// Where each event of a curator batch goes, decided in memory (pure): into the episode it
// already represents, into a near-duplicate (same rig and category, depth within 100 ft, time
// within 10 min) when its outcome is better, or as a new episode. The episode keeps its first
// event's time and depth as the anchor, so a chain of replacements does not drift.
import type { FleetEpisode, FleetEvent } from '../../src-shared/fleet.js';
import { episodeFromEvent, episodeIdFor } from './episode.js';
import { detailValue, outcomeValue } from './score.js';

export const DUPLICATE_DEPTH_FT = 100;
export const DUPLICATE_TIME_MS = 10 * 60_000;

/** What dedup needs to know about an episode already in the library. */
export interface Anchor {
  id: string;
  eventId: string;
  rigId: string;
  category: string;
  timeMs: number;
  depthFt: number | null;
  outcomeValue: number;
}

export interface EpisodeWrite {
  episode: FleetEpisode;
  anchor: Anchor;
  detail: number;
  isNew: boolean;
}

export interface Placement {
  writes: Map<string, EpisodeWrite>;
  /** Event id -> the episode that represents it. */
  episodeOf: Map<string, string>;
  added: number;
  updated: number;
  duplicates: number;
}

const groupKey = (rigId: string, category: string) => `${rigId}\u0000${category}`;

function isNear(a: Anchor, e: FleetEvent): boolean {
  if (Math.abs(a.timeMs - e.timeMs) > DUPLICATE_TIME_MS) return false;
  if (a.depthFt === null || e.depthFt === null) return a.depthFt === null && e.depthFt === null;
  return Math.abs(a.depthFt - e.depthFt) <= DUPLICATE_DEPTH_FT;
}

export function placeEvents(batch: { event: FleetEvent; episodeId: string | null }[], known: Anchor[]): Placement {
  const byId = new Map(known.map((a) => [a.id, { ...a }]));
  const groups = new Map<string, Anchor[]>();
  for (const a of byId.values()) {
    const k = groupKey(a.rigId, a.category);
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const out: Placement = { writes: new Map(), episodeOf: new Map(), added: 0, updated: 0, duplicates: 0 };
  for (const { event, episodeId } of batch) {
    const near = (groups.get(groupKey(event.rigId, event.category)) ?? [])
      .filter((a) => isNear(a, event))
      .sort((x, y) => Math.abs(x.timeMs - event.timeMs) - Math.abs(y.timeMs - event.timeMs) || (x.id < y.id ? -1 : 1));
    const target = (episodeId ? byId.get(episodeId) : undefined) ?? near[0];
    const value = outcomeValue(event.outcome);
    if (target && target.eventId !== event.id && value <= target.outcomeValue) {
      out.duplicates++;
      out.episodeOf.set(event.id, target.id);
      continue;
    }
    const id = target ? target.id : episodeIdFor(event.id);
    const episode = episodeFromEvent(event, id);
    let anchor: Anchor;
    if (target) {
      target.eventId = event.id;
      target.outcomeValue = value;
      anchor = target;
      out.updated++;
    } else {
      anchor = { id, eventId: event.id, rigId: event.rigId, category: event.category, timeMs: event.timeMs, depthFt: event.depthFt ?? episode.depthToFt, outcomeValue: value };
      byId.set(id, anchor);
      const k = groupKey(anchor.rigId, anchor.category);
      groups.set(k, [...(groups.get(k) ?? []), anchor]);
      out.added++;
    }
    const earlier = out.writes.get(id);
    out.writes.set(id, { episode, anchor, detail: detailValue(event.outcome, event.notes, episode.keyMetrics), isNew: earlier ? earlier.isNew : !target });
    out.episodeOf.set(event.id, id);
  }
  return out;
}
