import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { v7 as uuidv7 } from 'uuid';
import { getActor, useActor } from '../../../services/actor';
import { db } from '../../../services/db';
import { useAppData } from '../../../services/useAppData';
import { useOnline } from '../../../services/useOnline';
import { amsterdamDate } from '../../../domain/overdue';
import { yearOverview } from '../../../domain/yearOverview';
import { saveInspectionChange, savePlannedInspection } from '../../../storage/inspectionsRepo';
import { useInspections } from '../useSchouwData';
import { writeMessage } from '../writeMessage';
import { PlanForm, type PlanDraft } from './PlanForm';
import { PlannedList } from './PlannedList';
import { prepareAreaPhotos } from '../../../services/photos/prepareArea';
import { YearOverview } from './YearOverview';

/** /schouw — plan walks and see which areas were walked this year. */
export function InspectionsHome() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const { config, areas } = useAppData(online);
  const inspections = useInspections(config?.municipality.id);
  const actor = useActor();
  const [, navigate] = useLocation();
  const [areaId, setAreaId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = Number(amsterdamDate(new Date()).slice(0, 4));
  const sorted = useMemo(() => [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [areas]);
  const rows = useMemo(() => yearOverview(sorted.map((a) => a.id), inspections ?? [], year), [sorted, inspections, year]);

  if (!config || !areas) return <p className="banner">{t('status.noAreasYet')}</p>;

  // A tap while the app is still starting waits for who is acting (the device's client id may take a
  // while on a busy device with many findings) instead of refusing the walk.
  async function plan(draft: PlanDraft): Promise<string | null> {
    if (!config) return t('schouw.notReady');
    const r = await savePlannedInspection(db, { id: uuidv7(), municipality: config.municipality.id, ...draft }, actor ?? (await getActor()));
    return r.ok ? null : writeMessage(r, t, i18n.language);
  }

  async function start(id: string) {
    const r = await saveInspectionChange(db, id, { kind: 'start' }, actor ?? (await getActor()));
    const areaOfWalk = inspections?.find((i) => i.id === id)?.areaId;
    // Starting prepares the walk: the open findings' photos come along while the connection lasts.
    if (areaOfWalk && online) void prepareAreaPhotos(db, areaOfWalk).catch(() => undefined);
    if (r.ok || r.reason === 'no_change') navigate(`/${id}`);
    else setError(writeMessage(r, t, i18n.language));
  }

  return (
    <main className="screen schouw-home" id="main">
      {error && (
        <p role="alert" className="banner banner-warn">
          {error}
        </p>
      )}
      <div className="schouw-columns">
        <div>
          <PlannedList inspections={inspections ?? []} areas={sorted} onStart={(id) => void start(id)} onOpen={(id) => navigate(`/${id}`)} />
          <YearOverview
            year={year}
            rows={rows}
            areas={sorted}
            onPlan={(id) => {
              setAreaId(id);
              document.getElementById('plan-title')?.scrollIntoView({ behavior: 'smooth' });
            }}
            onOpen={(id) => navigate(`/${id}`)}
          />
        </div>
        <PlanForm areas={sorted} areaId={areaId ?? sorted[0]?.id ?? ''} onAreaChange={setAreaId} onPlan={plan} />
      </div>
    </main>
  );
}
