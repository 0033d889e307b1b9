import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { hasRole, useSession } from '../../services/session';
import type { Area } from '../../domain/area';
import type { SchouwDb } from '../../storage/db';
import type { BagPremises } from '../../domain/bagPremises';
import { BagLayerSwitch } from './BagLayerSwitch';
import { OfflinePackPanel } from '../offline/OfflinePackPanel';
import { TrendsDetails } from '../trends/TrendsDetails';

interface Props {
  area: Area;
  db: SchouwDb;
  tileTemplate: string;
  onClose: () => void;
  /** Premises to draw on the map (null: none); the coordinator's BAG layer (issue 14). */
  onBagPremises?: (premises: BagPremises[] | null) => void;
}

export default function AreaPanel({ area, db, tileTemplate, onClose, onBagPremises }: Props) {
  const { t } = useTranslation();
  const coordinator = hasRole(useSession(), 'coordinator');
  return (
    <section className="area-panel" aria-labelledby="area-panel-title">
      <button type="button" className="btn btn-link" onClick={onClose}>
        ← {t('areas.backToList')}
      </button>
      <h2 id="area-panel-title">{area.name}</h2>
      <dl className="facts">
        <dt>{t('areas.kind')}</dt>
        <dd>{t(`areas.kinds.${area.kind}`)}</dd>
        <dt>{t('areas.kvoStatus')}</dt>
        <dd>{t(`areas.statuses.${area.kvoStatus}`)}</dd>
      </dl>
      {area.approximate && <p className="note">{t('areas.approximate')}</p>}
      {coordinator && (
        <p>
          <Link href={`/gebieden/bewerken/${encodeURIComponent(area.id)}`}>{t('areaEditor.edit')}</Link>
        </p>
      )}
      {coordinator && onBagPremises && <BagLayerSwitch key={area.id} area={area} onPremises={onBagPremises} />}
      <TrendsDetails db={db} municipality={area.municipality} areaId={area.id} areaName={area.name} />
      <OfflinePackPanel area={area} template={tileTemplate} db={db} />
      <details className="source">
        <summary>{t('areas.source')}</summary>
        <p>{area.source}</p>
      </details>
    </section>
  );
}
