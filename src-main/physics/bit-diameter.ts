// Which bit is drilling: the recording's own diameter when it sends a plausible one, else the
// well's bit program at the bit's depth, else the single configured diameter.
import type { WellConfig } from '../../src-shared/config.js';
import type { WitsPacket } from '../../src-shared/wits.js';

const PLAUSIBLE_MIN_IN = 2;
const PLAUSIBLE_MAX_IN = 36;

export function bitDiameterFor(
  packet: Pick<WitsPacket, 'bitDiameterIn' | 'bitDepthFt' | 'holeDepthFt'>,
  config: Pick<WellConfig, 'well'>,
): number | null {
  const own = packet.bitDiameterIn;
  if (own !== null && own >= PLAUSIBLE_MIN_IN && own <= PLAUSIBLE_MAX_IN) return own;
  const depthFt = packet.bitDepthFt ?? packet.holeDepthFt;
  if (depthFt !== null) {
    const section = config.well.bit_program.find((s) => depthFt >= s.from_depth_ft && depthFt <= s.to_depth_ft);
    if (section) return section.diameter_in;
  }
  const fixed = config.well.bit_diameter_inches;
  return fixed > 0 ? fixed : null;
}
