// Shared statistics for the simulator tests: plain functions over generated samples.
import type { ChannelValues } from '../../../src-shared/wits.js';
import { createSimulation, type SimSample, type SimulationOptions } from '../../../src-main/simulator/model.js';

export interface Run {
  samples: SimSample[];
  startMs: number;
  faults: { category: string; onsetS: number; endS: number; channels?: string[] }[];
}

export function generate(opts: SimulationOptions): Run {
  const sim = createSimulation(opts);
  const samples = [...sim];
  const gt = sim.groundTruth();
  const toS = (iso: string): number => (Date.parse(iso) - sim.startMs) / 1000;
  return {
    samples,
    startMs: sim.startMs,
    faults: gt.faults.map((f) => ({ category: f.category, onsetS: toS(f.onset), endS: toS(f.end), channels: f.channels })),
  };
}

type Pick = (v: ChannelValues) => number | null;

export function series(run: Run, from: number, to: number, pick: Pick): number[] {
  return run.samples
    .slice(Math.max(0, Math.floor(from)), Math.floor(to))
    .map((s) => pick(s.values))
    .filter((x): x is number => x !== null && Number.isFinite(x));
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function cv(xs: number[]): number {
  const m = mean(xs);
  const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
  return sd / m;
}

/** Least-squares slope per sample. */
export function slope(ys: number[]): number {
  const n = ys.length;
  const xm = (n - 1) / 2;
  const ym = mean(ys);
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - xm) * (ys[i] - ym);
    den += (i - xm) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const D_IN = 8.5;

/** Teale MSE, psi: 4W/(πD²) + 480·N·T/(D²·ROP), W lbf, T ft-lbf. */
export function tealeMsePsi(v: ChannelValues): number {
  const w = (v.wobKlbf ?? 0) * 1000;
  const t = (v.torqueKftLbf ?? 0) * 1000;
  const n = v.rpm ?? 0;
  const rop = v.ropFtHr ?? 0;
  if (rop <= 0.1) return NaN;
  return (4 * w) / (Math.PI * D_IN * D_IN) + (480 * n * t) / (D_IN * D_IN * rop);
}

/** DOMAIN.md §3.2 efficiency, %. */
export function mseEfficiencyPct(v: ChannelValues): number {
  const mse = tealeMsePsi(v);
  const wob = v.wobKlbf ?? 0;
  const rpm = v.rpm ?? 0;
  const rop = v.ropFtHr ?? 0;
  const drillability = rop / Math.max(0.01 * wob * rpm, 1);
  const hardness = Math.min(Math.max(5 / Math.max(drillability, 0.1), 0), 10);
  return Math.min(Math.max(((5000 + 8000 * hardness) / mse) * 100, 0), 100);
}

/** d = log10(ROP/(60N)) / log10(12W/(10^6 D)), W lbf. */
export function dExponent(v: ChannelValues): number {
  const rop = v.ropFtHr ?? 0;
  const n = v.rpm ?? 0;
  const w = (v.wobKlbf ?? 0) * 1000;
  if (rop <= 0 || n <= 0 || w <= 0) return NaN;
  return Math.log10(rop / (60 * n)) / Math.log10((12 * w) / (1e6 * D_IN));
}

/** On bottom and making hole. */
export const drilling = (v: ChannelValues): boolean =>
  (v.ropFtHr ?? 0) > 0 && (v.wobKlbf ?? 0) > 5 && (v.rpm ?? 0) > 20 && (v.flowInGpm ?? 0) > 300;

/** Minimal WITS L0 reader for tests (DOMAIN.md §1.1 rules): frames as code -> value maps. */
export function parseWits(text: string): Map<string, number>[] {
  const frames: Map<string, number>[] = [];
  let cur: Map<string, number> | null = null;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '&&') {
      cur = new Map();
    } else if (line === '!!') {
      if (cur && cur.size > 0) frames.push(cur);
      cur = null;
    } else if (cur && line.length >= 5) {
      const v = Number(line.slice(4).trim());
      if (Number.isFinite(v)) cur.set(line.slice(0, 4), v);
    }
  }
  return frames;
}
