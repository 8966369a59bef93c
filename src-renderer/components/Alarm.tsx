// Audible alarm for CRITICAL advisories. Loops the alarm tone while the alarm state says so,
// marks <html data-alarm-playing="true"> while audio actually plays, and offers a click to
// enable sound when the browser refuses autoplay.
import { useEffect, useRef } from 'react';
import alarmUrl from '../../assets/alarm.wav?url';
import { shouldSound } from '../lib/alarm-logic.js';
import { useApp } from '../store/app-store.js';

function markPlaying(playing: boolean): void {
  if (playing) document.documentElement.dataset.alarmPlaying = 'true';
  else delete document.documentElement.dataset.alarmPlaying;
}

export function AlarmPlayer(): null {
  const sounding = useApp((s) => shouldSound(s.alarm));
  const activeId = useApp((s) => s.alarm.activeId);
  const retry = useApp((s) => s.soundRetry);
  const audioRef = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    document.documentElement.dataset.alarmActive = sounding ? 'true' : 'false';
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
  }, [sounding, activeId, retry]);

  return null;
}

/** Shown when the browser blocked autoplay: one click is the user gesture it needs. */
export function EnableSoundButton(): React.JSX.Element | null {
  const blocked = useApp((s) => s.soundBlocked);
  const sounding = useApp((s) => shouldSound(s.alarm));
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
