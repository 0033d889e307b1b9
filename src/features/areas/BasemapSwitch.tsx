import { useTranslation } from 'react-i18next';
import type { Basemap } from '../../services/config';

interface Props {
  basemaps: Basemap[];
  value: string;
  onChange: (id: string) => void;
}

export function BasemapSwitch({ basemaps, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="basemap-switch">
      <legend>{t('map.basemap')}</legend>
      {basemaps.map((b) => (
        <label key={b.id} className={value === b.id ? 'checked' : undefined}>
          <input type="radio" name="basemap" value={b.id} checked={value === b.id} onChange={() => onChange(b.id)} />
          {t(`map.basemaps.${b.id}`, { defaultValue: b.label ?? b.id })}
        </label>
      ))}
    </fieldset>
  );
}
