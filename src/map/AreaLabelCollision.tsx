import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { pickLabels, type LabelBox } from './labelPlacement';

/**
 * Hides area labels that would cover a more important one (`pickLabels`), after every zoom, pan and
 * resize. Labels carry `data-label-id` and `data-label-priority` on their content. Hidden labels keep
 * their layout (visibility), so they are measured again at the next zoom and come back when there is room.
 */
export function AreaLabelCollision({ version }: { version: string }) {
  const map = useMap();
  useEffect(() => {
    let frame = 0;
    const run = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const items: { el: HTMLElement; box: LabelBox }[] = [];
        for (const el of map.getContainer().querySelectorAll<HTMLElement>('.leaflet-tooltip.area-label')) {
          const tag = el.querySelector<HTMLElement>('[data-label-id]');
          if (!tag) continue;
          const r = el.getBoundingClientRect();
          const box = { id: tag.dataset.labelId!, x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, priority: Number(tag.dataset.labelPriority ?? 0) };
          items.push({ el, box });
        }
        const shown = pickLabels(items.map((i) => i.box));
        for (const { el, box } of items) el.classList.toggle('label-hidden', !shown.has(box.id));
      });
    };
    run();
    map.on('zoomend moveend resize', run);
    // Label contents arrive after the layers (React renders them into the tooltips later): measure again then.
    const pane = map.getPane('tooltipPane');
    const observer = new MutationObserver(run);
    if (pane) observer.observe(pane, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      map.off('zoomend moveend resize', run);
    };
  }, [map, version]);
  return null;
}
