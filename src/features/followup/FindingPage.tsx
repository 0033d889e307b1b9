import { entryOf } from '../../storage/mapIndexColumns';
import { useMemo } from 'react';
import { findingRef } from '../../domain/findingRef';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { db } from '../../services/db';
import { getActor, useActor } from '../../services/actor';
import type { ClientConfig } from '../../services/config';
import { formatDateTime } from '../../services/format';
import type { Area } from '../../domain/area';
import type { Finding } from '../../domain/finding';
import type { FindingCommand } from '../../domain/findingStatus';
import { isOverdue } from '../../domain/overdue';
import { MapView } from '../../map/MapView';
import { FindingsLayer } from '../../map/FindingsLayer';
import { PanToPoint } from '../../map/PanToPoint';
import { WalkAreaOutline } from '../../map/WalkAreaOutline';
import type { PhotoRecord } from '../../storage/db';
import { applyFindingCommandTo } from '../../storage/findingsRepo';
import { useFinding, useFindingEvents } from '../schouw/useSchouwData';
import { writeMessage } from '../schouw/writeMessage';
import { CategoryBadge } from '../schouw/walk/FindingLabel';
import { FindingActions } from './FindingActions';
import { historyLines } from './historyText';
import { FindingPhotos } from './FindingPhotos';
import { formatDay, type Labels } from './labels';
import { Comments, Timeline } from './Timeline';
import { useActorNames } from '../../services/people';
import { useMayDo } from '../../services/access';

interface Props {
  id: string;
  findings: readonly Finding[];
  areas: readonly Area[];
  config: ClientConfig | null;
  labels: Labels;
  now: Date;
}

/** /opvolging/:id — one finding: photos, map, details, actions, history and comments. */
export function FindingPage({ id, findings, areas, config, labels, now }: Props) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const who = useActorNames();
  const mayFollowUp = useMayDo('followUp');
  const finding = useFinding(id);
  const events = useFindingEvents(id);
  const lines = useMemo(() => historyLines(events ?? [], labels.history(findings)), [events, labels, findings]);
  const others = useMemo(
    () => (finding ? findings.filter((f) => f.id !== finding.id).sort((a, b) => Number(b.areaId === finding.areaId) - Number(a.areaId === finding.areaId)) : []),
    [findings, finding],
  );

  async function run(command: FindingCommand, photos?: PhotoRecord[]): Promise<string | null> {
    const r = await applyFindingCommandTo(db, id, command, actor ?? (await getActor()), { photos });
    return r.ok ? null : writeMessage(r, t, i18n.language);
  }

  if (finding === undefined && events === undefined) return <p className="banner">…</p>;
  if (!finding) {
    return (
      <main className="screen" id="main">
        <p role="alert">{t('followup.notFound')}</p>
        <Link href="/">{t('followup.back')}</Link>
      </main>
    );
  }
  const area = areas.find((a) => a.id === finding.areaId);
  const duplicateOf = finding.duplicateOf ? findings.find((f) => f.id === finding.duplicateOf) : undefined;
  return (
    <main className="screen fu-finding" id="main">
      <Link href="/" className="btn btn-link">
        ← {t('followup.back')}
      </Link>
      <h2>
        <CategoryBadge categoryCode={finding.categoryCode} /> <span className="muted">· {labels.area(finding.areaId)} · {findingRef(finding.id)}</span>
      </h2>
      <div className="fu-finding-grid">
        <div>
          <p className="fu-description">{finding.description || t('followup.noDescription')}</p>
          <dl className="facts">
            <dt>{t('followup.facets.status')}</dt>
            <dd>
              <span className={`fu-status st-${finding.status}`}>{labels.status(finding.status)}</span>
              {isOverdue(finding, now) && <strong className="fu-overdue"> {t('followup.overdueBadge')}</strong>}
            </dd>
            <dt>{t('followup.owner')}</dt>
            <dd>{labels.owner(finding.owner)}</dd>
            <dt>{t('followup.due')}</dt>
            <dd>{finding.dueDate ? formatDay(finding.dueDate, labels.lang) : t('followup.noDue')}</dd>
            <dt>{t('followup.severity')}</dt>
            <dd>{t(`followup.severities.${finding.severity}`)}</dd>
            <dt>{t('followup.facets.inspection')}</dt>
            <dd>{labels.inspection(finding.inspectionId)}</dd>
            <dt>{t('followup.madeOn')}</dt>
            <dd>{formatDateTime(finding.createdAt, i18n.language)}</dd>
            <dt>{t('people.madeBy')}</dt>
            <dd>{who(finding.createdBy, events?.find((e) => e.kind === 'created')?.id)}</dd>
            {finding.fixNote && (
              <>
                <dt>{t('followup.fixNote')}</dt>
                <dd>{finding.fixNote}</dd>
              </>
            )}
            {finding.wontFixReason && (
              <>
                <dt>{t('followup.wontFixReason')}</dt>
                <dd>{finding.wontFixReason}</dd>
              </>
            )}
            {finding.duplicateOf && (
              <>
                <dt>{t('followup.duplicateOf')}</dt>
                <dd>{duplicateOf ? <Link href={`/${duplicateOf.id}`}>{labels.findingName(duplicateOf)}</Link> : finding.duplicateOf}</dd>
              </>
            )}
          </dl>
          <FindingPhotos hashes={finding.photoHashes} />
          {mayFollowUp ? (
            <FindingActions key={`${finding.id}-${finding.status}`} finding={finding} others={others} labels={labels} run={run} />
          ) : (
            <p className="muted">{t('people.followUpNotYours')}</p>
          )}
          <Comments lines={lines.filter((l) => events?.find((e) => e.id === l.id)?.kind === 'comment')} run={mayFollowUp ? run : null} />
        </div>
        <div>
          <div className="fu-small-map">
            {config && (
              <MapView config={config} basemapId={localStorage.getItem('schouwkaart.basemap') ?? 'brt'}>
                {area && <WalkAreaOutline area={area} />}
                <FindingsLayer findings={[entryOf(finding)]} selectedId={finding.id} onSelect={() => undefined} now={now} />
                <PanToPoint point={finding.point.coordinates} zoom={17} />
              </MapView>
            )}
          </div>
          <Timeline lines={lines} />
        </div>
      </div>
    </main>
  );
}
