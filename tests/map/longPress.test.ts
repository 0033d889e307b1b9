// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installLongPress } from '../../src/map/longPress';

function pointer(type: string, target: Element, init: { x?: number; y?: number; pointerType?: string } = {}) {
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, cancelable: true, pointerType: init.pointerType ?? 'touch', clientX: init.x ?? 100, clientY: init.y ?? 100 }),
  );
}

describe('long press becomes a contextmenu on the pressed vertex', () => {
  let root: HTMLElement;
  let vertex: HTMLElement;
  let other: HTMLElement;
  let menus: { target: EventTarget | null; x: number; y: number; button: number }[];
  let remove: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="root"><div class="marker-icon"><span class="inner"></span></div><div class="marker-icon marker-icon-middle"></div><div class="other"></div></div>';
    root = document.getElementById('root')!;
    vertex = root.querySelector('.marker-icon:not(.marker-icon-middle)')!;
    other = root.querySelector('.other')!;
    menus = [];
    root.addEventListener('contextmenu', (e) => menus.push({ target: e.target, x: (e as MouseEvent).clientX, y: (e as MouseEvent).clientY, button: (e as MouseEvent).button }));
    remove = installLongPress(root, '.marker-icon:not(.marker-icon-middle)', 600);
  });
  afterEach(() => {
    remove();
    vi.useRealTimers();
  });

  it.each(['touch', 'pen'])('a %s held still for 600 ms on a vertex (or inside it) fires one contextmenu on the vertex, where it was pressed', (pointerType) => {
    pointer('pointerdown', vertex.querySelector('.inner')!, { pointerType, x: 40, y: 50 });
    vi.advanceTimersByTime(599);
    expect(menus).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(menus).toEqual([{ target: vertex, x: 40, y: 50, button: 2 }]);
    // Held longer, or lifted afterwards: still only the one.
    vi.advanceTimersByTime(2000);
    pointer('pointerup', vertex, { pointerType });
    expect(menus).toHaveLength(1);
  });

  it('a short tap does nothing (it selects or drags the vertex as before)', () => {
    pointer('pointerdown', vertex);
    vi.advanceTimersByTime(300);
    pointer('pointerup', vertex);
    vi.advanceTimersByTime(1000);
    expect(menus).toEqual([]);
  });

  it('a finger that moves more than 8 px is dragging, not pressing; a small tremble is still a press', () => {
    pointer('pointerdown', vertex, { x: 100, y: 100 });
    pointer('pointermove', vertex, { x: 105, y: 104 });
    vi.advanceTimersByTime(600);
    expect(menus).toHaveLength(1);

    pointer('pointerdown', vertex, { x: 100, y: 100 });
    pointer('pointermove', vertex, { x: 109, y: 100 });
    vi.advanceTimersByTime(1000);
    expect(menus).toHaveLength(1);
  });

  it('a cancelled pointer (the browser took over the gesture) does nothing', () => {
    pointer('pointerdown', vertex);
    pointer('pointercancel', vertex);
    vi.advanceTimersByTime(1000);
    expect(menus).toEqual([]);
  });

  it('the mouse has its own right button: a held mouse press does nothing', () => {
    pointer('pointerdown', vertex, { pointerType: 'mouse' });
    vi.advanceTimersByTime(1000);
    expect(menus).toEqual([]);
  });

  it('a press on a middle marker or anything else is not a vertex', () => {
    pointer('pointerdown', root.querySelector('.marker-icon-middle')!);
    vi.advanceTimersByTime(1000);
    pointer('pointerdown', other);
    vi.advanceTimersByTime(1000);
    expect(menus).toEqual([]);
  });

  it('once removed, a long press does nothing, also one that was under way', () => {
    pointer('pointerdown', vertex);
    vi.advanceTimersByTime(300);
    remove();
    vi.advanceTimersByTime(1000);
    pointer('pointerdown', vertex);
    vi.advanceTimersByTime(1000);
    expect(menus).toEqual([]);
  });
});
