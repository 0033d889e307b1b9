/**
 * Pointer gestures of the photo viewer, with pointer events only (mouse, pen and touch alike):
 * one finger swipes to the next photo when not zoomed, pans when zoomed; two fingers pinch; the
 * wheel zooms. The stage has `touch-action: none`, so the browser leaves these gestures to us.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 1;
export const MAX_SCALE = 5;
/** A horizontal move this far (px) without zoom is a swipe. */
const SWIPE_PX = 50;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const fit: View = { scale: 1, x: 0, y: 0 };

type Pt = { x: number; y: number };
const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);

export function useZoomPan(onSwipe: (direction: 1 | -1) => void) {
  const [view, setView] = useState<View>(fit);
  const [swipeDx, setSwipeDx] = useState(0);
  const stage = useRef<HTMLDivElement>(null);
  const pointers = useRef(new Map<number, Pt>());
  const gesture = useRef<{ start: Pt; view: View; pinch?: { dist: number; scale: number } } | null>(null);

  const zoomBy = useCallback((factor: number) => {
    setView((v) => {
      const scale = clamp(v.scale * factor, MIN_SCALE, MAX_SCALE);
      return scale === 1 ? fit : { scale, x: (v.x * scale) / v.scale, y: (v.y * scale) / v.scale };
    });
  }, []);
  const reset = useCallback(() => setView(fit), []);

  // The wheel needs a non-passive listener to keep the page from scrolling behind the dialog.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomBy(Math.exp(-e.deltaY * 0.002));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  function restart(current: View) {
    const pts = [...pointers.current.values()];
    if (pts.length === 0) {
      gesture.current = null;
      return;
    }
    gesture.current = { start: pts[0]!, view: current, ...(pts.length >= 2 ? { pinch: { dist: dist(pts[0]!, pts[1]!) || 1, scale: current.scale } } : {}) };
  }

  const handlers = {
    onPointerDown(e: React.PointerEvent) {
      try {
        e.currentTarget.setPointerCapture(e.pointerId);
      } catch {
        // A pointer the browser no longer tracks: the gesture still works without capture.
      }
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      setSwipeDx(0);
      restart(view);
    },
    onPointerMove(e: React.PointerEvent) {
      if (!pointers.current.has(e.pointerId) || !gesture.current) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const g = gesture.current;
      const pts = [...pointers.current.values()];
      if (g.pinch && pts.length >= 2) {
        const scale = clamp((g.pinch.scale * dist(pts[0]!, pts[1]!)) / g.pinch.dist, MIN_SCALE, MAX_SCALE);
        setView(scale === 1 ? fit : { ...g.view, scale });
        return;
      }
      const dx = pts[0]!.x - g.start.x;
      const dy = pts[0]!.y - g.start.y;
      if (g.view.scale > 1) setView({ ...g.view, x: g.view.x + dx, y: g.view.y + dy });
      else setSwipeDx(dx);
    },
    onPointerUp(e: React.PointerEvent) {
      const g = gesture.current;
      const wasSingle = pointers.current.size === 1 && !g?.pinch;
      const end = pointers.current.get(e.pointerId);
      pointers.current.delete(e.pointerId);
      if (wasSingle && g && end && g.view.scale === 1) {
        const dx = end.x - g.start.x;
        if (Math.abs(dx) >= SWIPE_PX) onSwipe(dx < 0 ? 1 : -1);
      }
      setSwipeDx(0);
      restart(view);
    },
    onPointerCancel(e: React.PointerEvent) {
      pointers.current.delete(e.pointerId);
      setSwipeDx(0);
      restart(view);
    },
    onDoubleClick() {
      setView((v) => (v.scale > 1 ? fit : { scale: 2, x: 0, y: 0 }));
    },
  };

  return { view, swipeDx, stage, handlers, zoomBy, reset };
}
