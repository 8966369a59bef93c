// Events are queued under the rig name they had when confirmed (`<rig>-ADV-xxxxxxxx`). The hub
// accepts a rig's own events only, under the id it registered the rig with (fleet.rig_id). An
// event queued before the fleet was configured, or under another name, is re-stamped at upload
// time; outcome updates for it use the same rule, so both land on one hub event.
import type { FleetEvent } from '../../src-shared/fleet.js';

/** The event id the hub knows for a queued id. */
export function hubEventId(queuedId: string, hubRigId: string): string {
  if (queuedId.startsWith(`${hubRigId}-`)) return queuedId;
  const i = queuedId.lastIndexOf('-ADV-');
  return i >= 0 ? `${hubRigId}-${queuedId.slice(i + 1)}` : queuedId;
}

export function forHub(event: FleetEvent, hubRigId: string): FleetEvent {
  if (event.rigId === hubRigId && event.id.startsWith(`${hubRigId}-`)) return event;
  return { ...event, rigId: hubRigId, id: hubEventId(event.id, hubRigId) };
}
