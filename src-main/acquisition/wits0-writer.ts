// WITS Level 0 writer for simulators and tests: `&&`, one `RRII<value>` per line, `!!`, CRLF.
import type { Channel, ChannelValues } from '../../src-shared/wits.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { canonicalToMetric, type ChannelMap } from './channel-map.js';
import { WITS_DATE_CODE, WITS_TIME_CODE, witsDateTimeItems } from './wits-date-time.js';

/**
 * Formats canonical values as one frame. Channels the map has no code for, and absent (null)
 * channels, are left out, as a rig without that sensor would. With `timeMs` the frame leads with
 * its Date/Time items (0105/0106, UTC) where the map leaves those codes free.
 */
export function formatWitsFrame(
  values: Partial<ChannelValues>,
  map: ChannelMap,
  units: UnitSystem = 'imperial',
  timeMs?: number,
): string {
  let out = '&&\r\n';
  if (timeMs !== undefined && !map.byCode.has(WITS_DATE_CODE) && !map.byCode.has(WITS_TIME_CODE)) {
    const { date, time } = witsDateTimeItems(timeMs);
    out += `${WITS_DATE_CODE}${date}\r\n${WITS_TIME_CODE}${time}\r\n`;
  }
  for (const [channel, code] of map.byChannel) {
    const v = values[channel as Channel];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const wire = units === 'metric' ? canonicalToMetric(channel, v) : v;
    out += `${code}${wire.toFixed(2)}\r\n`;
  }
  return out + '!!\r\n';
}
