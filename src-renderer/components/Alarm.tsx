// Audible alarm for alarm events (a new event, an escalation, a reopening; lib/alarm-logic.ts).
// Loops the alarm tone while an armed event is not silenced. The state is on <html> for anyone
// to read: data-alarm-active (armed and not silenced), data-alarm-events (the event ids sounding),
// data-alarm-playing (audio actually plays). Offers a click to enable sound when the browser
// refuses autoplay.
import { useEffect, useRef } from 'react';
import alarmUrl from '../../assets/alarm.wav?url';
import { shouldSound } from '../lib/alarm-logic.js';
import { useApp } from '../store/app-store.js';
import { useEvents } from '../store/event-store.js';

function markPlaying(playing: boolean): void {
  if (playing) document.documentElement.dataset.alarmPlaying = 'true';
  else delete document.documentElement.dataset.alarmPlaying;
}

export function AlarmPlayer(): null {
  const sounding = useEvents((s) => shouldSound(s.alarm));
  // the events sounding now, as one string: a new one restarts the tone from the top
  const soundingIds = useEvents((s) => s.alarm.armed.filter((id) => !s.alarm.silenced.includes(id)).join(' '));
  const retry = useApp((s) => s.soundRetry);
  const audioRef = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    document.documentElement.dataset.alarmActive = sounding ? 'true' : 'false';
    document.documentElement.dataset.alarmEvents = soundingIds;
    if (!sounding) {
      audioRef.current?.pause();
      markPlaying(false);
      return;
    }
    const audio = audioRef.current ?? (audioRef.current = new Audio(alarmUrl));
    audio.loop = true;
    audio.onplaying = () => markPlaying(true);
    audio.onpause = () => markPlaying(false);
    audio.play().then(
      () => {
        markPlaying(true);
        useApp.getState().setSoundBlocked(false);
      },
      () => useApp.getState().setSoundBlocked(true),
    );
    return () => {
      audio.pause();
      markPlaying(false);
    };
  }, [sounding, soundingIds, retry]);

  return null;
}

/** Shown when the browser blocked autoplay: one click is the user gesture it needs. */
export function EnableSoundButton(): React.JSX.Element | null {
  const blocked = useApp((s) => s.soundBlocked);
  const sounding = useEvents((s) => shouldSound(s.alarm));
  if (!blocked || !sounding) return null;
  return (
    <button
      className="btn btn-warn"
      data-testid="enable-sound"
      // the click is the user gesture the browser wants; the player retries at once
      onClick={() => useApp.getState().retrySound()}
    >
      Click to enable alarm sound
    </button>
  );
}
