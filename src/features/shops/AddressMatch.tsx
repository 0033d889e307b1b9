import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BagIds } from '../../domain/geocode';
import type { GeocodeRow } from './openDataApi';

export type Placement = { point: [number, number]; bag: BagIds | null; label: string; source: 'geocoder' | 'map' } | 'skip';

interface Props {
  row: number;
  lookup: GeocodeRow | undefined;
  placement: Placement | undefined;
  areaName: (id: string | null) => string | null;
  areaAt: (point: [number, number]) => string | null;
  onPlace: (p: Placement | undefined) => void;
  onMap: () => void;
}

const score = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

/** One address row of the import preview: what the geocoder found, and for an unsure row the choice. */
export function AddressMatch({ row, lookup, placement, areaName, areaAt, onPlace, onMap }: Props) {
  const { t } = useTranslation();
  const group = useId();
  const where = (areaId: string | null) => (areaId ? t('shops.import.inArea', { area: areaName(areaId) }) : t('shops.import.outsideAreas'));
  const chosen = placement && placement !== 'skip' ? placement : null;
  return (
    <div className="address-match" data-address-row={row}>
      {!lookup && <p className="muted">{t('shops.geo.notLookedUp')}</p>}
      {lookup?.status === 'sure' && lookup.best && (
        <p>
          <span className="tag tag-ok">{t('shops.geo.sure')}</span> {lookup.best.label} <span className="muted">({t('shops.geo.score', { score: score(lookup.best.score) })}, {where(lookup.areaId)})</span>
        </p>
      )}
      {lookup && lookup.status !== 'sure' && (
        <fieldset className="candidates">
          <legend>
            <span className="tag tag-bad">{t(lookup.status === 'not_found' ? 'shops.geo.notFound' : 'shops.geo.unsure')}</span>{' '}
            {lookup.why ? t(`shops.geo.why.${lookup.why}`) : ''}
          </legend>
          {lookup.candidates.map((c, i) => (
            <label key={i} className="candidate">
              <input
                type="radio"
                name={group}
                checked={chosen?.source === 'geocoder' && chosen.point[0] === c.point[0] && chosen.point[1] === c.point[1]}
                onChange={() => onPlace({ point: c.point, bag: c.bag, label: c.label, source: 'geocoder' })}
              />{' '}
              {c.label} <span className="muted">({c.municipality}, {t('shops.geo.score', { score: score(c.score) })}, {where(c.areaId)})</span>
            </label>
          ))}
        </fieldset>
      )}
      {chosen?.source === 'map' && <p>{t('shops.geo.placedOnMap', { where: where(areaAt(chosen.point)) })}</p>}
      {placement === 'skip' && <p className="muted">{t('shops.geo.skipped')}</p>}
      {lookup && (
        <div className="actions">
          <button type="button" className="btn" onClick={onMap}>
            {t('shops.geo.placeOnMap')}
          </button>
          {lookup.status !== 'sure' && placement !== 'skip' && (
            <button type="button" className="btn" onClick={() => onPlace('skip')}>
              {t('shops.geo.skip')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
