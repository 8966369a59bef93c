// Chart colours per theme. Red is only for alarm (critical) lines and markers; the day theme
// darkens line colours so they read on a light background.
import type { Theme } from '../../store/prefs-store.js';

export interface ChartPalette {
  grid: string;
  axis: string;
  text: string;
  warn: string;
  crit: string;
  info: string;
  crosshair: string;
}

export const PALETTES: Record<Theme, ChartPalette> = {
  night: { grid: '#1f2733', axis: '#5b6675', text: '#8c96a3', warn: '#c9861a', crit: '#d13b3b', info: '#5b7bb5', crosshair: '#a7b0bc' },
  day: { grid: '#dde3ea', axis: '#8a94a3', text: '#3d4654', warn: '#b45309', crit: '#c81e1e', info: '#3056a8', crosshair: '#1f2937' },
};

/** A line colour for the theme: the night colours mixed 45 % towards black in the day theme. */
export function lineColor(hex: string, theme: Theme): string {
  if (theme === 'night') return hex;
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(c * 0.55);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `rgb(${r}, ${g}, ${b})`;
}
