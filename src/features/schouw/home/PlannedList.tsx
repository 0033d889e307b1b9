import { useTranslation } from 'react-i18next';
import { PreparePhotos } from '../../photos/PreparePhotos';
import { formatWalkTime } from '../format';
import type { Area } from '../../../domain/area';
import type { Inspection } from '../../../domain/inspection';

interface Props {
  inspections: readonly Inspection[];
  areas: readonly Area[];
  onStart: (id: string) => void;
  onOpen: (id: string) => void;
}

/** Every walk not yet done, soonest first: also a second walk in an area already walked this year. */
export function PlannedList({ inspections, areas, onStart, onOpen }: Props) {
  const { t } = useTranslation();
  const open = inspections.filter((i) => i.status !== 'done').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (open.length === 0) return null;
  const name = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  return (
    <section aria-labelledby="planned-title">
      <h2 id="planned-title">{t('schouw.plannedTitle')}</h2>
      <ul className="planned-list">
        {open.map((i) => (
          <li key={i.id}>
            <span>
              <strong>{name(i.areaId)}</strong> {formatWalkTime(i.startsAt)} · {t(`schouw.yearStates.${i.status === 'walking' ? 'walking' : 'planned'}`)}
              {i.participants.length > 0 && (
                <span className="muted"> · {i.participants.map((p) => p.label || t(`schouw.organisations.${p.organisation}`)).join(', ')}</span>
              )}
            </span>
            {i.status === 'walking' ? (
              <button type="button" className="btn" onClick={() => onOpen(i.id)}>
                {t('schouw.continueWalk', { area: name(i.areaId) })}
              </button>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => onStart(i.id)}>
                {t('schouw.startWalkIn', { area: name(i.areaId) })}
              </button>
            )}
            <PreparePhotos areaId={i.areaId} label={name(i.areaId)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
