// The size of a box, measured on mount and on resize; a hidden (0 x 0) box keeps its last size.
import { useLayoutEffect, useRef, useState } from 'react';

export function useBoxSize<T extends HTMLElement = HTMLDivElement>(): [React.RefObject<T | null>, { w: number; h: number } | null] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number, h: number): void => {
      if (w < 1 || h < 1) return; // display:none: keep the last size
      const rw = Math.floor(w);
      const rh = Math.floor(h);
      setSize((s) => (s && s.w === rw && s.h === rh ? s : { w: rw, h: rh }));
    };
    measure(el.clientWidth, el.clientHeight);
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1].contentRect;
      measure(r.width, r.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}
