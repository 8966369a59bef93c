// `npm run bench:alarms`: the alarm load of every simulator scenario (issue 12), as EEMUA 191
// counts it: alarm events, alarm sounds (new event, escalation, reopening) per 10 min on average
// and in the worst 10 minutes, chattering and standing events, and the sounds outside the
// injected faults (a fault's window runs from its onset to its end plus the well-control clear
// time). Each scenario runs through the real pipeline (tests/support/run-scenario.ts).
import { defaultConfig } from '../../src-shared/config.js';
import { alarmFigures } from '../../src-main/advisory/alarm-figures.js';
import { SCENARIOS, type ScenarioName } from '../../src-main/simulator/index.js';
import { runScenario } from '../support/run-scenario.js';

const config = defaultConfig();
const afterFaultMs = config.alarms.well_control_clear_after_s * 1000;
const pad = (s: string | number, n: number) => String(s).padEnd(n);

const only = process.argv.slice(2).filter((a): a is ScenarioName => (SCENARIOS as readonly string[]).includes(a));
const scenarios = only.length > 0 ? only : SCENARIOS;
console.log('per scenario (seed 1, default configuration): events, alarm sounds, per 10 min, worst 10 min, chattering, standing; outside = sounds away from the injected faults');
console.log([pad('scenario', 18), pad('hours', 6), pad('advis.', 7), pad('events', 7), pad('alarms', 7), pad('/10min', 7), pad('peak', 5), pad('chat', 5), pad('stand', 6), pad('outside', 8), pad('out/10min', 10), 'events by fault'].join(''));
for (const scenario of scenarios) {
  const t0 = performance.now();
  const run = runScenario(scenario, { config });
  const start = Date.parse(run.truth.startTime);
  const end = start + run.truth.durationS * 1000;
  const f = alarmFigures(run.transitions, start, end);
  const windows = run.truth.faults.filter((x) => x.anomalyCategory).map((x) => [Date.parse(x.onset), Date.parse(x.end) + afterFaultMs]);
  const alarmTimes = run.transitions.filter((t) => t.alarm).map((t) => t.timeMs);
  const outside = alarmTimes.filter((t) => !windows.some(([a, b]) => t >= a && t <= b));
  const faultMs = windows.reduce((s, [a, b]) => s + Math.min(b, end) - a, 0);
  const outsideMin = (end - start - faultMs) / 60_000;
  const byFault: Record<string, number> = {};
  for (const t of run.transitions) if (t.kind === 'raised') byFault[t.fault] = (byFault[t.fault] ?? 0) + 1;
  const hours = run.truth.durationS / 3600;
  console.log(
    [
      pad(scenario, 18), pad(hours.toFixed(1), 6), pad(run.advisories.length, 7), pad(f.events, 7), pad(f.alarms, 7), pad(f.alarmsPer10Min.toFixed(2), 7), pad(f.peakAlarmsIn10Min, 5),
      pad(f.chattering, 5), pad(f.standing, 6), pad(outside.length, 8), pad(outsideMin > 0 ? ((outside.length / outsideMin) * 10).toFixed(2) : '-', 10),
      Object.entries(byFault).map(([k, n]) => `${k} ${n}`).join(', ') || '-',
    ].join('') + `  (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
