import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../domain/area';
import { db } from '../../../services/db';
import { OfflinePackPanel } from '../../offline/OfflinePackPanel';
import './i18nWalk';

/**
 * At the start of a walk in an area whose map is not on the device: offer the download first (the
 * team often walks where the network is poor). "Not now" is remembered for this walk.
 */
export function PackOffer({ area, template, inspectionId, open, onOpen }: { area: Area; template: string; inspectionId: string; open: boolean; onOpen: (o: boolean) => void }) {
  const { t } = useTranslation();
  const key = `schouwkaart.packOffer.${inspectionId}`;
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(key) === 'no');
  const record = useLiveQuery(async () => (await db.offlinePacks.get(area.id)) ?? null, [area.id]);
  if (record === undefined) return null;
  const complete = record?.status === 'complete' && record.template === template;
  if (open) {
    return (
      <div className="pack-offer">
        <OfflinePackPanel area={area} template={template} db={db} />
        <button type="button" className="btn" onClick={() => onOpen(false)}>
          {t('schouw.backToWalk')}
        </button>
      </div>
    );
  }
  if (complete || dismissed) return null;
  // Compact, so the findings stay in view on a portrait tablet: the title with the two buttons beside
  // it; the explanation opens from the title.
  return (
    <div className="note pack-offer pack-offer-compact" role="region" aria-label={t('walk.packTitle')}>
      <details className="pack-offer-why">
        <summary>
          <strong>{t('walk.packTitle')}</strong>
        </summary>
        <p>{t('walk.packIntro')}</p>
      </details>
      <div className="pack-offer-actions">
        <button type="button" className="btn btn-primary" onClick={() => onOpen(true)}>
          {t('walk.packDownload')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            sessionStorage.setItem(key, 'no');
            setDismissed(true);
          }}
        >
          {t('walk.packNotNow')}
        </button>
      </div>
    </div>
  );
}
