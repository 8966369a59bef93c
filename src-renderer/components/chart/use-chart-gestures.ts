// Zoom and pan on a time chart with mouse and touch: the wheel zooms around the pointer, a drag
// pans, two fingers pinch-zoom (and pan with their midpoint), a double click/tap goes live.
// Pointer events cover mouse, pen and touch alike; the plot has touch-action: none.
import { useEffect, useRef } from 'react';

export interface GestureHandlers {
  /** Time under a plot x (css px relative to the canvas). */
  timeAt: (x: number) => number | null;
  /** ms per css px at the current zoom. */
  msPerPx: () => number;
  onZoom: (atMs: number, factor: number) => void;
  onPan: (deltaMs: number) => void;
  onHover: (timeMs: number | null) => void;
  onLive?: () => void;
}

const WHEEL_STEP = 1.25;

export function useChartGestures(ref: React.RefObject<HTMLElement | null>, h: GestureHandlers, enabled: boolean): void {
  const handlers = useRef(h);
  useEffect(() => {
    handlers.current = h;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let pinchDist = 0;
    let pinchMid = 0;
    const localX = (e: { clientX: number }): number => e.clientX - el.getBoundingClientRect().left;

    const onWheel = (e: WheelEvent): void => {
      if (!enabled) return;
      const t = handlers.current.timeAt(localX(e));
      if (t === null) return;
      e.preventDefault();
      handlers.current.onZoom(t, e.deltaY > 0 ? WHEEL_STEP : 1 / WHEEL_STEP);
    };
    const onDown = (e: PointerEvent): void => {
      pointers.set(e.pointerId, { x: localX(e), y: e.clientY });
      if (enabled) el.setPointerCapture?.(e.pointerId);
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinchDist = Math.abs(a.x - b.x) || 1;
        pinchMid = (a.x + b.x) / 2;
      }
    };
    const onMove = (e: PointerEvent): void => {
      const x = localX(e);
      const prev = pointers.get(e.pointerId);
      if (!prev || !enabled) {
        if (e.pointerType === 'mouse' || !enabled) handlers.current.onHover(handlers.current.timeAt(x));
        return;
      }
      pointers.set(e.pointerId, { x, y: e.clientY });
      if (pointers.size === 1) {
        handlers.current.onPan(-(x - prev.x) * handlers.current.msPerPx());
        if (e.pointerType !== 'mouse') handlers.current.onHover(handlers.current.timeAt(x));
      } else if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        const dist = Math.abs(a.x - b.x) || 1;
        const mid = (a.x + b.x) / 2;
        const t = handlers.current.timeAt(mid);
        if (t !== null) handlers.current.onZoom(t, pinchDist / dist);
        handlers.current.onPan(-(mid - pinchMid) * handlers.current.msPerPx());
        pinchDist = dist;
        pinchMid = mid;
      }
    };
    const onUp = (e: PointerEvent): void => {
      pointers.delete(e.pointerId);
      pinchDist = 0;
    };
    const onLeave = (e: PointerEvent): void => {
      if (e.pointerType === 'mouse') handlers.current.onHover(null);
    };
    const onDbl = (): void => {
      if (enabled) handlers.current.onLive?.();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('dblclick', onDbl);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('dblclick', onDbl);
    };
  }, [ref, enabled]);
}
