// Alarm-rate figures as EEMUA 191 counts them, from the event transitions of a period: alarm
// sounds per 10 minutes (average and the worst 10-minute window), chattering (a fault raised
// again within a minute of clearing) and standing events (active for over 24 h).
import type { AlarmFigures, EventTransition } from '../../src-shared/events.js';

const TEN_MIN_MS = 600_000;
const CHATTER_MS = 60_000;
const STANDING_MS = 24 * 3_600_000;

export function alarmFigures(transitions: readonly EventTransition[], fromMs: number, toMs: number): AlarmFigures {
  const inPeriod = transitions.filter((t) => t.timeMs >= fromMs && t.timeMs <= toMs).sort((a, b) => a.timeMs - b.timeMs);
  const alarmTimes = inPeriod.filter((t) => t.alarm).map((t) => t.timeMs);
  // Worst window: slide a 10-minute window over the sounds (two pointers).
  let peak = 0;
  for (let i = 0, j = 0; j < alarmTimes.length; j++) {
    while (alarmTimes[j] - alarmTimes[i] >= TEN_MIN_MS) i++;
    peak = Math.max(peak, j - i + 1);
  }
  const lastCleared = new Map<string, number>();
  const openedAt = new Map<string, number>();
  let chattering = 0;
  let standing = 0;
  for (const t of inPeriod) {
    if (t.kind === 'raised') openedAt.set(t.eventId, t.timeMs);
    if (t.kind === 'cleared') {
      lastCleared.set(t.fault, t.timeMs);
      const opened = openedAt.get(t.eventId);
      if (opened !== undefined && t.timeMs - opened > STANDING_MS) standing++;
      openedAt.delete(t.eventId);
    }
    if ((t.kind === 'raised' || t.kind === 'reopened') && t.timeMs - (lastCleared.get(t.fault) ?? -Infinity) <= CHATTER_MS) chattering++;
  }
  for (const opened of openedAt.values()) if (toMs - opened > STANDING_MS) standing++;
  const minutes = Math.max(toMs - fromMs, 1) / 60_000;
  return {
    fromMs,
    toMs,
    events: new Set(inPeriod.filter((t) => t.kind === 'raised').map((t) => t.eventId)).size,
    alarms: alarmTimes.length,
    alarmsPer10Min: Math.round((alarmTimes.length / minutes) * 10 * 1000) / 1000,
    peakAlarmsIn10Min: peak,
    chattering,
    standing,
    shelved: inPeriod.filter((t) => t.kind === 'shelved').length,
  };
}
