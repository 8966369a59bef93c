// Engineer: any channels against time (zoom/pan with mouse and touch, hover values, a Live
// button, aligned time axes, event markers and threshold lines), any channel against depth
// (depth down), baseline, counts, per-phase latency, outcomes per fault, and the engine's log in
// place of the charts on request. Built from small parts so other panels (e.g. optimal
// parameters) can slot into the side column.
import { useState } from 'react';
import { OutcomeStatsTable } from '../components/OutcomeStatsTable.js';
import { usePrefs } from '../store/prefs-store.js';
import { useHistory } from '../store/use-domain.js';
import { ChannelPicker } from './engineer/ChannelPicker.js';
import { DEPTH_CHANNEL, DepthTrack } from './engineer/DepthTrack.js';
import { Counts, LatencyTable } from './engineer/EngineStats.js';
import { LogPanel } from './engineer/LogPanel.js';
import { TrackStack } from './engineer/TrackStack.js';
import { WINDOWS, useEngineerTime } from './engineer/engineer-time.js';
import { OptimalParameters } from '../components/OptimalParameters.js';

export { WINDOWS } from './engineer/engineer-time.js';

const DEFAULT_CHANNELS = ['ropFtHr', 'wobKlbf', 'flowBalanceGpm', 'sppPsi'];

/** Swaps the charts for the engine's log (the charts stay mounted, hidden, and come back as they were). */
function LogToggle({ shown, onChange }: { shown: boolean; onChange: (shown: boolean) => void }): React.JSX.Element {
  return (
    <button className={`btn ${shown ? 'chosen' : ''}`} data-testid="log-toggle" aria-pressed={shown} onClick={() => onChange(!shown)}>
      {shown ? 'Back to charts' : 'Engine log'}
    </button>
  );
}

function TimeControls(): React.JSX.Element {
  const windowMs = useEngineerTime((s) => s.windowMs);
  const setWindow = useEngineerTime((s) => s.setWindow);
  const live = useEngineerTime((s) => s.fixed === null);
  const goLive = useEngineerTime((s) => s.goLive);
  const clock = usePrefs((p) => p.clock);
  return (
    <>
      {WINDOWS.map((w) => (
        <button key={w.label} className={`btn ${w.ms === windowMs ? 'chosen' : ''}`} data-testid={`window-${w.label.replace(' ', '')}`} onClick={() => setWindow(w.ms)}>
          {w.label}
        </button>
      ))}
      <button className={`btn btn-live ${live ? 'is-live' : ''}`} data-testid="live-button" data-live={live} onClick={goLive} title="Follow the newest data (or double-click a chart)">
        {live ? '● Live' : 'Back to live'}
      </button>
      <span className="muted eng-hint">Wheel or pinch to zoom, drag to pan · <span data-testid="time-axis-unit">time axis: local time, {clock === '24h' ? '24-hour' : '12-hour'}</span></span>
    </>
  );
}

export function EngineerView(): React.JSX.Element {
  const [selected, setSelected] = useState<string[]>(DEFAULT_CHANNELS);
  const [depthA, setDepthA] = useState('dExponent');
  const [depthB, setDepthB] = useState('msePsi');
  const [showLog, setShowLog] = useState(false);
  const windowMs = useEngineerTime((s) => s.windowMs);
  const loadError = useHistory([DEPTH_CHANNEL, depthA, depthB, ...selected], windowMs);

  return (
    <div className="view view-engineer" data-testid="view-engineer">
      <div className="eng-controls">
        <TimeControls />
        <ChannelPicker selected={selected} onChange={setSelected} />
        <LogToggle shown={showLog} onChange={setShowLog} />
        {loadError && <span className="form-error">History: {loadError}</span>}
      </div>
      <div className="eng-body">
        {showLog && <LogPanel />}
        <div className={showLog ? 'eng-hidden' : 'eng-tracks'}>
          <TrackStack channels={selected} />
        </div>
        <div className="eng-side">
          <div className="eng-depth">
            <DepthTrack channelKey={depthA} onChannel={setDepthA} testId="depth-a" />
            <DepthTrack channelKey={depthB} onChannel={setDepthB} testId="depth-b" />
          </div>
          <Counts />
          <OptimalParameters />
          <div className="eng-latency"><LatencyTable /></div>
          <div className="eng-outcomes" title="Per fault: advisories confirmed real vs marked false alarm"><OutcomeStatsTable /></div>
        </div>
      </div>
    </div>
  );
}
