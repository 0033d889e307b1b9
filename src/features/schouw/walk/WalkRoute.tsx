import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useActor } from '../../../services/actor';
import { db } from '../../../services/db';
import { useAppData } from '../../../services/useAppData';
import { useOnline } from '../../../services/useOnline';
import type { InspectionChange } from '../../../domain/inspection';
import { saveInspectionChange } from '../../../storage/inspectionsRepo';
import { useInspection } from '../useSchouwData';
import { writeMessage } from '../writeMessage';
import { WalkScreen } from './WalkScreen';
import { WalkSummary } from './WalkSummary';

/** /schouw/:inspectionId — a planned walk can be started, a walk under way is walked, a done one summarised. */
export function WalkRoute({ inspectionId }: { inspectionId: string }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const { config, areas } = useAppData(online);
  const inspection = useInspection(inspectionId);
  const actor = useActor();
  const [error, setError] = useState<string | null>(null);

  async function change(c: InspectionChange): Promise<string | null> {
    if (!actor) return null;
    const r = await saveInspectionChange(db, inspectionId, c, actor);
    const message = r.ok || r.reason === 'no_change' ? null : writeMessage(r, t, i18n.language);
    setError(message);
    return message;
  }

  if (inspection === undefined || areas === undefined) return <p className="banner">…</p>;
  if (inspection === null) {
    return (
      <main className="screen" id="main">
        <p role="alert">{t('schouw.inspectionNotFound')}</p>
        <Link href="/">{t('schouw.allInspections')}</Link>
      </main>
    );
  }
  const area = areas.find((a) => a.id === inspection.areaId);
  const alert = error && (
    <p role="alert" className="banner banner-warn">
      {error}
    </p>
  );
  if (inspection.status === 'done') {
    return (
      <>
        {alert}
        <WalkSummary inspection={inspection} area={area} onReopen={() => void change({ kind: 'start' })} onChange={change} />
      </>
    );
  }
  if (inspection.status === 'planned' || !area || !config) {
    return (
      <main className="screen" id="main">
        {alert}
        <h2>{t('schouw.walkTitle', { area: area?.name ?? inspection.areaId })}</h2>
        {!area || !config ? (
          <p role="alert">{t('schouw.noAreaData')}</p>
        ) : (
          <button type="button" className="btn btn-primary btn-big" onClick={() => void change({ kind: 'start' })}>
            {t('schouw.startWalk')}
          </button>
        )}
      </main>
    );
  }
  return (
    <>
      {alert}
      <WalkScreen inspection={inspection} area={area} areas={areas} config={config} onEnd={() => void change({ kind: 'end' })} onChange={change} />
    </>
  );
}
