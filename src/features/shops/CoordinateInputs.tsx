import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDecimal } from '../../domain/shopImport';
import { TextField } from './TextField';

interface Props {
  point: [number, number] | null;
  onPlace: (lonLat: [number, number]) => void;
  /** Kept by the parent, so the section stays open when a new place remounts it. */
  open: boolean;
  onToggle: (open: boolean) => void;
}

/** Placing by typing latitude and longitude: the keyboard route to what the map does by tapping. */
export function CoordinateInputs({ point, onPlace, open, onToggle }: Props) {
  const { t } = useTranslation();
  const [lat, setLat] = useState(point ? String(point[1]) : '');
  const [lon, setLon] = useState(point ? String(point[0]) : '');
  const [error, setError] = useState(false);
  const place = () => {
    const la = parseDecimal(lat);
    const lo = parseDecimal(lon);
    const ok = la !== undefined && lo !== undefined && Math.abs(la) <= 90 && Math.abs(lo) <= 180;
    setError(!ok);
    if (ok) onPlace([lo, la]);
  };
  const err = error ? t('shops.form.coordsInvalid') : undefined;
  return (
    <details className="coords" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('shops.form.coords')}</summary>
      <div className="entry-row">
        <TextField label={t('shops.form.lat')} value={lat} onChange={setLat} error={err} />
        <TextField label={t('shops.form.lon')} value={lon} onChange={setLon} error={err} />
        <button type="button" className="btn" onClick={place}>
          {t('shops.form.placeHere')}
        </button>
      </div>
    </details>
  );
}
