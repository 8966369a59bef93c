// Any channel against depth, depth increasing downwards as on a log. The depth is the bit's at
// each sample's time (the depth it was drilling at); redrawn every 30 s (depth moves slowly).
import { useLayoutEffect, useRef, useState } from 'react';
import { FT_PER_M, toDisplay, unitLabel } from '../../../src-shared/units.js';
import { axisTitle, channelText, CHANNEL_BY_KEY, TREND_CHANNELS } from '../../lib/channels.js';
import { thresholdLines } from '../../lib/limits.js';
import { joinByTime } from '../../lib/series.js';
import { drawDepthChart, type DepthChartDrawn } from '../../components/chart/draw.js';
import { PALETTES, lineColor } from '../../components/chart/palette.js';
import { useBoxSize } from '../../components/chart/use-box-size.js';
import { useApp } from '../../store/app-store.js';
import { useNow } from '../../store/clock-store.js';
import { usePrefs } from '../../store/prefs-store.js';
import { useTrend } from '../../store/trend-store.js';
import { useViewActive } from '../../store/view-active.js';

export const DEPTH_CHANNEL = 'bitDepthFt';
const DEPTH_POINTS = 400;
const REFRESH_MS = 30_000;
const CHOICES = TREND_CHANNELS.filter((c) => c.key !== 'bitDepthFt' && c.key !== 'holeDepthFt');

export function DepthTrack({ channelKey, onChannel, testId }: { channelKey: string; onChannel: (k: string) => void; testId: string }): React.JSX.Element {
  const channel = CHANNEL_BY_KEY.get(channelKey) ?? CHOICES[0];
  const active = useViewActive();
  const units = usePrefs((p) => p.units);
  const theme = usePrefs((p) => p.theme);
  const band = useApp((s) => (channel.limit ? (s.status?.limits?.[channel.limit] ?? null) : null));
  const historyVersion = useTrend((s) => s.historyVersion);
  const tick = useNow((n) => (active ? Math.floor(n.nowMs / REFRESH_MS) : 0));
  const [box, size] = useBoxSize();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<DepthChartDrawn | null>(null);
  const joined = useRef<[number, number][]>([]);
  const [points, setPoints] = useState(0);
  const [hover, setHover] = useState<string | null>(null);
  const toDisp = (v: number): number => (channel.quantity === 'none' ? v : toDisplay(v, channel.quantity, units));

  useLayoutEffect(() => {
    if (!active || !size || !canvas.current) return;
    const series = useTrend.getState().series;
    joined.current = joinByTime(series[DEPTH_CHANNEL] ?? [], series[channel.key] ?? [], DEPTH_POINTS);
    const pts = joined.current.map(([d, v]) => [toDisplay(d, 'depth', units), toDisp(v)] as const);
    const thresholds = thresholdLines(band).map((l) => ({ ...l, value: toDisp(l.value) }));
    drawn.current = drawDepthChart(canvas.current, size.w, size.h, { points: pts, color: lineColor(channel.color, theme), thresholds }, PALETTES[theme]);
    setPoints(pts.length);
    // (band values stand in for the band object)
  }, [active, size, channel.key, units, theme, band?.warning, band?.critical, historyVersion, tick]);

  const onMove = (e: React.PointerEvent): void => {
    const d = drawn.current;
    const el = canvas.current;
    if (!d || !el || joined.current.length === 0) return;
    const y = e.clientY - el.getBoundingClientRect().top;
    if (y < d.plot.y0 || y > d.plot.y1) return setHover(null);
    const depthShown = d.depthDomain[0] + ((y - d.plot.y0) / (d.plot.y1 - d.plot.y0)) * (d.depthDomain[1] - d.depthDomain[0]);
    const depthFt = units === 'metric' ? depthShown * FT_PER_M : depthShown;
    let best = joined.current[0];
    for (const p of joined.current) if (Math.abs(p[0] - depthFt) < Math.abs(best[0] - depthFt)) best = p;
    setHover(`${channelText(CHANNEL_BY_KEY.get('bitDepthFt')!, best[0], units)} · ${channelText(channel, best[1], units)}`);
  };

  return (
    <div className="track depth-track" data-testid={testId} data-points={points} data-channel={channel.key} data-depth-down="true">
      <div className="track-head">
        <label className="track-title">
          <select value={channel.key} onChange={(e) => onChannel(e.target.value)} data-testid={`${testId}-channel`} aria-label="Channel against depth">
            {CHOICES.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
          </select>
          <span data-testid="axis-title"> {axisTitle(channel, units)} vs depth ({unitLabel('depth', units)}, down)</span>
        </label>
      </div>
      <div className="track-plot" ref={box} onPointerMove={onMove} onPointerLeave={() => setHover(null)}>
        <canvas ref={canvas} className="track-canvas" role="img" aria-label={`${channel.label} against depth`} />
        {/* over the plot, so showing it never moves the plot under the pointer */}
        {hover && <span className="track-readout plot-readout" data-testid="hover-readout">{hover}</span>}
        {points === 0 && <div className="chart-empty">No {channel.label} samples with depth yet</div>}
      </div>
    </div>
  );
}
