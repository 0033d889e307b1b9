import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import { kvoStatusColours } from '../../map/areaStyle';

interface Props {
  areas: Area[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The accessible twin of the map: every area the map shows is here, reachable by keyboard. */
export function AreaList({ areas, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('nl');
    const list = q ? areas.filter((a) => a.name.toLocaleLowerCase('nl').includes(q)) : areas;
    return [...list].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [areas, query, i18n.language]);

  return (
    <section className="area-list" aria-labelledby="area-list-title" id="area-list">
      <h2 id="area-list-title">
        {t('areas.listTitle')} <span className="muted">({t('areas.count', { count: areas.length })})</span>
      </h2>
      <label className="field">
        <span>{t('areas.filter')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <ul>
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`area-item${a.id === selectedId ? ' selected' : ''}`}
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(a.id)}
            >
              <span className="swatch" style={{ background: kvoStatusColours[a.kvoStatus] }} aria-hidden="true" />
              <span className="area-name">{a.name}</span>
              <span className="area-meta">
                {t(`areas.kinds.${a.kind}`)} · {t(`areas.statuses.${a.kvoStatus}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
