// A confirmed AMBER/RED advisory as the rig uploads it (DOMAIN.md §14): the advisory, the
// history window before it, and the outcome (Pending until someone records one). Pure.
import type { Advisory } from '../../src-shared/advisory.js';
import { FLEET_SCHEMA_VERSION, isFleetRisk, type FleetEvent, type FleetOutcome, type FleetSnapshot } from '../../src-shared/fleet.js';
import { snapshotOfMetrics } from './snapshot.js';

export interface FleetIdentity {
  /** config well.rig */
  rigId: string;
  /** config well.name */
  wellId: string;
  /** config well.field */
  field: string;
}

/** The schema's history-window limit (about an hour of 1 Hz packets). */
export const MAX_WINDOW = 3600;

/** A rig name made safe for ids, file names and URLs: "F-7 (North)" -> "F-7-North". */
export function safeRigId(rig: string): string {
  const s = rig.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '').slice(0, 80);
  return s || 'RIG';
}

/** Event id = `<rig>-<advisory id>`: the hub checks the prefix against the uploading rig. */
export function fleetEventId(rigId: string, advisoryId: string): string {
  return `${safeRigId(rigId)}-${advisoryId}`;
}

/** null for an advisory the fleet does not take (GREEN, or not physics-confirmed). */
export function buildFleetEvent(
  advisory: Advisory,
  window: readonly FleetSnapshot[],
  who: FleetIdentity,
  outcome: FleetOutcome = { kind: 'Pending' },
  notes = '',
): FleetEvent | null {
  if (!isFleetRisk(advisory.riskLevel) || advisory.physicsVerdict.status !== 'Confirmed') return null;
  const historyWindow = window.length > 0 ? window.slice(-MAX_WINDOW) : [snapshotOfMetrics(advisory.timeMs, advisory.metrics)];
  return {
    schemaVersion: FLEET_SCHEMA_VERSION,
    id: fleetEventId(who.rigId, advisory.id),
    rigId: safeRigId(who.rigId),
    wellId: who.wellId.slice(0, 120),
    field: who.field.slice(0, 120),
    campaign: advisory.campaign,
    timeMs: advisory.timeMs,
    depthFt: advisory.depthFt !== null && Number.isFinite(advisory.depthFt) ? advisory.depthFt : null,
    category: advisory.category,
    fault: advisory.fault,
    riskLevel: advisory.riskLevel,
    advisory,
    historyWindow,
    outcome,
    notes: notes.slice(0, 4000),
  };
}
