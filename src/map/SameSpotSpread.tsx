import { useEffect, useMemo, useState } from 'react';
import { Marker, Polyline, useMap, useMapEvents } from 'react-leaflet';
import L from 'leaflet';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../domain/finding';
import { findCategory } from '../domain/categories';
import { fromLatLng, toLatLng } from '../domain/coords';
import { fanOut, groupNear } from './spread';
import './i18n';

/** Findings closer than this on screen count as one spot: one tap cannot tell them apart. */
export const SAME_SPOT_PX = 22;
/** Distance between the spread-out markers: a 44 px target each, with room between them. */
const SPREAD_SPACING_PX = 56;

interface Props {
  findings: readonly Finding[];
  /** The finding that was tapped on the map, with a counter so a second tap on it opens again. */
  tapped: { id: string; n: number } | null;
  onOpen: (id: string) => void;
}

/**
 * A tap on a finding that shares its spot with others fans them out around the spot, each a big
 * marker with a line to the real place; tapping one opens it. A finding alone opens at once.
 */
export function SameSpotSpread({ findings, tapped, onOpen }: Props) {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [spread, setSpread] = useState<{ id: string; at: [number, number]; from: [number, number]; finding: Finding }[]>([]);

  useEffect(() => {
    if (!tapped) return;
    const byId = new Map(findings.map((f) => [f.id, f]));
    const screen = findings.map((f) => {
      const p = map.latLngToContainerPoint(toLatLng(f.point.coordinates));
      return { id: f.id, x: p.x, y: p.y };
    });
    const group = groupNear(screen, SAME_SPOT_PX).find((g) => g.some((p) => p.id === tapped.id)) ?? [];
    if (group.length < 2) {
      setSpread([]);
      onOpen(tapped.id);
      return;
    }
    setSpread(
      fanOut(group, SPREAD_SPACING_PX).map((p) => ({
        id: p.id,
        at: fromLatLng(map.containerPointToLatLng([p.x, p.y])),
        from: fromLatLng(map.containerPointToLatLng([p.fromX, p.fromY])),
        finding: byId.get(p.id)!,
      })),
    );
    // Only a new tap spreads; findings changing meanwhile do not re-run it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tapped, map]);

  useMapEvents({
    click: () => setSpread([]),
    zoomstart: () => setSpread([]),
  });
  useEffect(() => {
    if (spread.length === 0) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSpread([]);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [spread.length]);

  const icons = useMemo(
    () =>
      new Map(
        spread.map((s, i) => {
          const match = findCategory(s.finding.categoryCode);
          const colour = match?.theme.colour ?? '#555555';
          return [
            s.id,
            L.divIcon({
              className: 'spread-pin',
              html: `<span class="spread-pin-body" style="--c:${colour}">${i + 1}</span>`,
              iconSize: [48, 48],
              iconAnchor: [24, 24],
            }),
          ];
        }),
      ),
    [spread],
  );

  if (spread.length === 0) return null;
  return (
    <>
      {spread.map((s) => (
        <Polyline key={`l-${s.id}`} positions={[toLatLng(s.from), toLatLng(s.at)]} interactive={false} pathOptions={{ color: '#111111', weight: 2 }} />
      ))}
      {spread.map((s) => {
        const match = findCategory(s.finding.categoryCode);
        const label = `${match?.category.labels[lang] ?? s.finding.categoryCode}${s.finding.description ? `: ${s.finding.description}` : ''}`;
        return (
          <Marker
            key={s.id}
            position={toLatLng(s.at)}
            icon={icons.get(s.id)!}
            keyboard
            title={label}
            alt={t('mapui.spreadTitle', { count: spread.length })}
            zIndexOffset={2000}
            eventHandlers={{
              click: () => {
                setSpread([]);
                onOpen(s.id);
              },
            }}
          />
        );
      })}
    </>
  );
}
