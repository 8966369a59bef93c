// Operation classifier (DOMAIN.md §2.5): what the crew is doing in campaign terms. Milling and
// cement drill-out exist only in a plug & abandonment campaign. A new operation is adopted only
// after `debouncePackets` agreeing packets, so one noisy packet never flips it.
import type { Campaign, Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { WitsPacket } from '../../src-shared/wits.js';

export type OperationThresholds = WellConfig['thresholds']['operation_detection'];

/** Flow that counts as pumping (gpm), DOMAIN §2.5. */
export const OPERATION_FLOW_MIN_GPM = 50;

/** The operation this one packet suggests, before debouncing. Absent channels count as 0. */
export function operationOf(p: WitsPacket, campaign: Campaign, t: OperationThresholds): Operation {
  const flow = p.flowInGpm ?? 0;
  const rpm = p.rpm ?? 0;
  const wob = p.wobKlbf ?? 0;
  const torque = p.torqueKftLbf ?? 0;
  const rop = p.ropFtHr ?? 0;
  const flowing = flow >= OPERATION_FLOW_MIN_GPM;
  const rotating = rpm >= t.no_rotation_rpm_max;
  const onBottom = wob >= t.off_bottom_wob_max;
  if (!flowing && !rotating) return 'Static';
  if (flowing && !rotating && !onBottom) return 'Circulating';
  if (campaign === 'plug_abandonment' && flowing && rotating) {
    if (torque >= t.milling_torque_min && rop < t.milling_rop_max) return 'Milling';
    if (wob >= t.cement_drillout_wob_min && torque >= t.cement_drillout_torque_min && rop > 0 && rop < t.cement_drillout_rop_max) {
      return 'CementDrillOut';
    }
  }
  if (rotating || onBottom) return 'ProductionDrilling';
  return 'Static';
}

export class OperationClassifier {
  private current: Operation | null = null;
  private candidate: Operation | null = null;
  private agreeing = 0;

  constructor(
    private readonly t: OperationThresholds,
    private campaign: Campaign,
    private readonly debouncePackets = 3,
  ) {}

  setCampaign(c: Campaign): void {
    this.campaign = c;
  }

  /** The debounced operation after this packet. The very first packet sets it directly. */
  classify(p: WitsPacket): Operation {
    const raw = operationOf(p, this.campaign, this.t);
    if (this.current === null) {
      this.current = raw;
      return raw;
    }
    if (raw === this.current) {
      this.candidate = null;
      this.agreeing = 0;
      return this.current;
    }
    if (raw === this.candidate) this.agreeing++;
    else {
      this.candidate = raw;
      this.agreeing = 1;
    }
    if (this.agreeing >= this.debouncePackets) {
      this.current = raw;
      this.candidate = null;
      this.agreeing = 0;
    }
    return this.current;
  }
}
