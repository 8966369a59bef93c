// The well and how its WITS feed is read: [well] and [acquisition].
import { z } from 'zod';
import { personText } from '../text.js';
import { count, range, section } from './fields.js';

export const wellSection = section({
  name: personText(120).default('DEFAULT'),
  field: personText(120).default('DEFAULT'),
  rig: personText(120).default('RIG'),
  operator: personText(120).default(''),
  bit_diameter_inches: range(8.5, 2, 36, 'in'),
  /** Bit per hole section, by depth; a packet's own bit diameter wins, then this, then bit_diameter_inches. */
  bit_program: z
    .array(z.object({ from_depth_ft: z.number().finite(), to_depth_ft: z.number().finite(), diameter_in: z.number().finite() }).strict())
    .default([]),
});

export const acquisitionSection = section({
  /** Channel map preset: the public WITS Record 01 layout or the reference system's. */
  channel_map: z.enum(['wits-record01', 'reference']).default('wits-record01'),
  /** Per-item overrides, e.g. { "0150" = "ecdPpg" }. */
  channel_overrides: z.record(z.string().regex(/^\d{4}$/), z.string().max(64)).default({}),
  units: z.enum(['imperial', 'metric']).default('imperial'),
  /**
   * A WITS packet's time: "receive" = when it arrived (DOMAIN §1.1); "frame" = the frame's own
   * Record 01 Date (0105, YYMMDD) and Time (0106, HHMMSS) items read as UTC, the receive time
   * for a frame without them (never with the reference map, where 0105 is block position).
   */
  packet_time: z.enum(['receive', 'frame']).default('receive'),
  /** Extra values that mean "no reading" besides -999.25 and -9999. */
  null_values: z.array(z.number().finite()).max(16).default([]),
  /** Seconds without a packet before the feed is reported offline (hard maximum: 5 min). */
  feed_timeout_s: range(30, 2, 300, 's'),
  /** Address a listen source binds ("0.0.0.0" = every interface; senders are still checked). */
  listen_host: z.union([z.ipv4(), z.ipv6()]).default('0.0.0.0'),
  /** Sender addresses besides loopback that may push WITS to a listen source: the rig's logger. */
  listen_allow: z.array(z.union([z.ipv4(), z.ipv6()])).max(16).default([]),
  /** Sockets a listen source holds open at most; more are closed on arrival. */
  listen_max_connections: count(8, 2, 64, 'connections'),
  /** Channels not fitted on this rig (channel names, checked against the channel list): null at ingest, whatever the feed sends for them. */
  absent_channels: z.array(z.string().max(64)).max(64).default([]),
  /** Seconds of pumping/drilling a channel must read exactly 0 (or one value) from the start before it is taken as not fitted. */
  absent_after_s: range(600, 60, 7200, 's'),
});
