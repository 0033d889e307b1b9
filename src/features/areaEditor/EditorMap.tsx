import './leafletGlobal';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import L, { type LatLng } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import type { Area } from '../../domain/area';
import type { AreaGeometry, PointGeometry } from '../../domain/geojson';
import { areaStyle } from '../../map/areaStyle';
import { geometryBounds, toLatLng } from '../../domain/coords';
import { fromLeafletLatLngs, toLeafletRings } from './geometry';
import { installLongPress } from '../../map/longPress';

export type Tool = 'edit' | 'draw' | 'hole' | 'split' | 'none';

interface Props {
  neighbours: readonly Area[];
  draft: AreaGeometry | null;
  /** Changes when the draft is replaced from outside (another area, split, merge, restore): redraw it. */
  draftKey: string;
  /** Changes when the map should fit the draft. */
  fitKey: string;
  tool: Tool;
  overlaps: readonly AreaGeometry[];
  moved: { in: readonly { name: string; point: PointGeometry }[]; out: readonly { name: string; point: PointGeometry }[] };
  onChange: (g: AreaGeometry) => void;
  onDrawn: (tool: 'draw' | 'hole' | 'split', latlngs: LatLng[]) => void;
}

const SNAP = { snappable: true, snapDistance: 18 };
const LABEL_PANE = 'editorLabels';

/** The area being edited (geoman editing, snapping to the neighbours' edges), the neighbours, overlaps and moved shops. */
export function EditorMap({ neighbours, draft, draftKey, fitKey, tool, overlaps, moved, onChange, onDrawn }: Props) {
  const map = useMap();
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const handlers = useRef({ onChange, onDrawn });
  handlers.current = { onChange, onDrawn };

  useEffect(() => {
    // Names go under the shapes, so a drawing or an overlap is never hidden behind one.
    if (!map.getPane(LABEL_PANE)) map.createPane(LABEL_PANE).style.zIndex = '350';
    map.pm.setGlobalOptions({ ...SNAP, allowSelfIntersection: true });
    map.pm.setLang('nl');
  }, [map]);

  // Neighbours: not editable, but their edges are snap targets (snapIgnore: false overrides pmIgnore).
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const a of neighbours) {
      const layer = L.polygon(toLeafletRings(a.geometry) as L.LatLngExpression[][], {
        ...areaStyle(a, false),
        interactive: false,
        pmIgnore: true,
        snapIgnore: false,
      });
      group.addLayer(layer);
      // The name as a marker in the same group (not a bound tooltip), so it goes when the shape goes.
      const label = L.marker(layer.getCenter(), {
        icon: L.divIcon({ className: 'editor-label', html: `<span>${escapeHtml(a.name)}</span>`, iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
        pane: LABEL_PANE,
        pmIgnore: true,
        snapIgnore: true,
      });
      group.addLayer(label);
    }
    return () => {
      group.remove();
    };
  }, [map, neighbours]);

  // The draft: editable vertices in "edit" mode (drag to move, click a middle marker to add, right-click or long-press to remove).
  useEffect(() => {
    const g = draftRef.current;
    if (!g) return;
    const layer = L.polygon(toLeafletRings(g) as L.LatLngExpression[][], {
      color: '#111111',
      weight: 3,
      fillColor: '#facc15',
      fillOpacity: 0.3,
      className: 'draft-shape',
      snapIgnore: true,
    });
    layer.addTo(map);
    // On a tablet a long press on a vertex removes it, as a right-click does with a mouse.
    const removeLongPress = tool === 'edit' ? installLongPress(map.getContainer(), '.marker-icon:not(.marker-icon-middle)') : () => undefined;
    map.getContainer().classList.toggle('editing-vertices', tool === 'edit');
    // Geoman's handles are role="button" without a name: name them (and again whenever it redraws them).
    const pane = map.getPane('markerPane');
    const nameHandles = () => {
      const all = Array.from(pane?.querySelectorAll<HTMLElement>('.leaflet-marker-icon.marker-icon') ?? []);
      const vertices = all.filter((e) => !e.classList.contains('marker-icon-middle'));
      vertices.forEach((e, i) => e.setAttribute('aria-label', tRef.current('areaEditor.vertexHandle', { n: i + 1 })));
      for (const e of all) if (e.classList.contains('marker-icon-middle')) e.setAttribute('aria-label', tRef.current('areaEditor.middleHandle'));
    };
    const observer = new MutationObserver(nameHandles);
    if (pane && tool === 'edit') observer.observe(pane, { childList: true });
    if (tool === 'edit') {
      layer.pm.enable({ ...SNAP, allowSelfIntersection: true, draggable: false });
      nameHandles();
      layer.on('pm:edit', () => {
        const next = fromLeafletLatLngs(layer.getLatLngs());
        if (next) handlers.current.onChange(next);
      });
    }
    return () => {
      observer.disconnect();
      removeLongPress();
      map.getContainer().classList.remove('editing-vertices');
      layer.off();
      if (layer.pm.enabled()) layer.pm.disable();
      layer.remove();
    };
  }, [map, draftKey, tool]);

  useEffect(() => {
    const g = draftRef.current;
    // A shape: show it with its surroundings. Nothing yet (a new area): close enough to draw streets.
    if (g) map.fitBounds(geometryBounds(g), { padding: [80, 80], maxZoom: 16, animate: false });
    else map.setView(map.getCenter(), Math.max(map.getZoom(), 15), { animate: false });
  }, [map, fitKey]);

  // Names only where they can be read: below zoom 14 they would cover the shapes.
  useEffect(() => {
    const toggle = () => map.getContainer().classList.toggle('labels-off', map.getZoom() < 14);
    toggle();
    map.on('zoomend', toggle);
    return () => {
      map.off('zoomend', toggle);
    };
  }, [map]);

  // A refusal with an overlap: bring it into view.
  useEffect(() => {
    const first = overlaps[0];
    if (!first) return;
    const bounds = L.latLngBounds(geometryBounds(first));
    for (const o of overlaps.slice(1)) bounds.extend(L.latLngBounds(geometryBounds(o)));
    if (draftRef.current) bounds.extend(L.latLngBounds(geometryBounds(draftRef.current)));
    map.fitBounds(bounds, { padding: [80, 80], maxZoom: 17 });
  }, [map, overlaps]);

  // Drawing: a new outline, a hole, or a split line.
  useEffect(() => {
    if (tool !== 'draw' && tool !== 'hole' && tool !== 'split') return;
    const onCreate = (e: { layer: L.Layer }) => {
      const layer = e.layer as L.Polyline;
      const latlngs = layer.getLatLngs() as LatLng[] | LatLng[][];
      layer.remove();
      const flat = (Array.isArray(latlngs[0]) ? latlngs[0] : latlngs) as LatLng[];
      handlers.current.onDrawn(tool, flat);
    };
    map.on('pm:create', onCreate as L.LeafletEventHandlerFn);
    map.pm.enableDraw(tool === 'split' ? 'Line' : 'Polygon', { ...SNAP, continueDrawing: false, finishOn: tool === 'split' ? 'dblclick' : null });
    return () => {
      map.off('pm:create', onCreate as L.LeafletEventHandlerFn);
      map.pm.disableDraw();
    };
  }, [map, tool]);

  // What a refusal found, and the shops the edit moves in (green) and out (red).
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const o of overlaps) {
      group.addLayer(
        L.polygon(toLeafletRings(o) as L.LatLngExpression[][], {
          color: '#b91c1c',
          weight: 3,
          fillColor: '#ef4444',
          fillOpacity: 0.55,
          dashArray: '5 4',
          className: 'overlap-shape',
          pmIgnore: true,
          snapIgnore: true,
          interactive: false,
        }),
      );
    }
    for (const [list, colour, sign] of [[moved.in, '#15803d', '+'], [moved.out, '#b91c1c', '−']] as const) {
      for (const s of list) {
        const m = L.circleMarker(toLatLng(s.point.coordinates), { radius: 7, color: colour, weight: 3, fillColor: '#fff', fillOpacity: 1, pmIgnore: true, snapIgnore: true });
        // A text node, never HTML: shop names come from imports and devices (issue 12, defect 8).
        const text = document.createElement('span');
        text.textContent = `${sign} ${s.name}`;
        m.bindTooltip(text, { direction: 'top' });
        group.addLayer(m);
      }
    }
    return () => {
      group.remove();
    };
  }, [map, overlaps, moved]);

  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
