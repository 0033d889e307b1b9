/**
 * A long press (touch or pen held still for `ms`) on an element matching `selector` inside `root`
 * becomes a contextmenu event on it: the tablet's way to "right-click", e.g. to remove a vertex in
 * the area editor, where a touch screen has no right button. Returns the function that removes it.
 */
export function installLongPress(root: HTMLElement, selector: string, ms = 600): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let start: { x: number; y: number } | null = null;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    start = null;
  };
  const down = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') return;
    const target = (e.target as Element | null)?.closest(selector);
    if (!target) return;
    start = { x: e.clientX, y: e.clientY };
    const { clientX, clientY } = e;
    timer = setTimeout(() => {
      cancel();
      target.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX, clientY, button: 2 }));
    }, ms);
  };
  // A finger that moves is dragging the vertex, not pressing it.
  const move = (e: PointerEvent) => {
    if (start && Math.hypot(e.clientX - start.x, e.clientY - start.y) > 8) cancel();
  };
  root.addEventListener('pointerdown', down, true);
  root.addEventListener('pointermove', move, true);
  root.addEventListener('pointerup', cancel, true);
  root.addEventListener('pointercancel', cancel, true);
  return () => {
    cancel();
    root.removeEventListener('pointerdown', down, true);
    root.removeEventListener('pointermove', move, true);
    root.removeEventListener('pointerup', cancel, true);
    root.removeEventListener('pointercancel', cancel, true);
  };
}
