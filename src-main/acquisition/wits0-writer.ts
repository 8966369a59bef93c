// WITS Level 0 writer for simulators and tests: `&&`, one `RRII<value>` per line, `!!`, CRLF.
import type { Channel, ChannelValues } from '../../src-shared/wits.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { canonicalToMetric, type ChannelMap } from './channel-map.js';

/**
 * Formats canonical values as one frame. Channels the map has no code for, and absent (null)
 * channels, are left out, as a rig without that sensor would.
 */
export function formatWitsFrame(
  values: Partial<ChannelValues>,
  map: ChannelMap,
  units: UnitSystem = 'imperial',
): string {
  let out = '&&\r\n';
  for (const [channel, code] of map.byChannel) {
    const v = values[channel as Channel];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const wire = units === 'metric' ? canonicalToMetric(channel, v) : v;
    out += `${code}${wire.toFixed(2)}\r\n`;
  }
  return out + '!!\r\n';
}
