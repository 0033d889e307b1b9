import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import type { BagPremises } from '../../domain/bagPremises';
import { openDataApi } from '../shops/openDataApi';

/** A coordinator's switch for the BAG shop premises inside the area's outline as a map layer (cached by the server). */
export function BagLayerSwitch({ area, onPremises }: { area: Area; onPremises: (p: BagPremises[] | null) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handler = useRef(onPremises);
  handler.current = onPremises;
  // Leaving the area (or the panel) takes its layer off the map.
  useEffect(() => () => handler.current(null), []);

  const toggle = async (next: boolean) => {
    setOn(next);
    setError(null);
    if (!next) return onPremises(null);
    const r = await openDataApi.premises(area.municipality, area.id);
    if (!r.ok) {
      setOn(false);
      setError(r.message);
      return;
    }
    setCount(r.value.premises.length);
    onPremises(r.value.premises);
  };

  return (
    <div className="bag-layer-switch">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} /> {t('areas.bagLayer')}
      </label>
      {on && count !== null && <p className="muted">{t('areas.bagLayerOn', { count })}</p>}
      {error && <p className="banner banner-warn">{t('areas.bagLayerFailed', { message: error })}</p>}
    </div>
  );
}
