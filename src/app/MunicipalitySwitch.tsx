import { useTranslation } from 'react-i18next';
import type { ClientConfig } from '../services/config';
import { chooseMunicipality } from '../services/municipalityChoice';

/** Which municipality to show, when the server serves more than one; the choice is remembered on the device. */
export function MunicipalitySwitch({ config }: { config: ClientConfig }) {
  const { t } = useTranslation();
  const list = config.municipalities ?? [];
  if (list.length < 2) return null;
  return (
    <label className="field municipality-switch">
      <span>{t('areaEditor.municipality')}</span>
      <select value={config.municipality.id} onChange={(e) => chooseMunicipality(e.target.value)}>
        {list.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
