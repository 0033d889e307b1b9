import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Area } from '../../domain/area';
import { findCategory } from '../../domain/categories';
import type { Finding } from '../../domain/finding';
import type { Inspection } from '../../domain/inspection';
import { amsterdamDate } from '../../domain/overdue';
import { FindingPhotos } from './FindingPhotos';
import { formatDay, type Labels } from './labels';
import { ReportMap } from './ReportMap';
import { numberFindings } from './reportModel';
import { ReportZipButton } from './ReportZipButton';
import { PrintBar } from './PrintBar';
import { formatDateTime } from '../../services/format';

interface Props {
  inspectionId: string;
  findings: readonly Finding[];
  inspections: readonly Inspection[];
  areas: readonly Area[];
  labels: Labels;
  now: Date;
}

/** /opvolging/rapport/:inspectionId — the printable schouw report (print CSS in followup.css). */
export function ReportPage({ inspectionId, findings, inspections, areas, labels, now }: Props) {
  const { t, i18n } = useTranslation();
  const inspection = inspections.find((i) => i.id === inspectionId);
  const items = useMemo(() => numberFindings(findings.filter((f) => f.inspectionId === inspectionId)), [findings, inspectionId]);
  if (!inspection) {
    return (
      <main className="screen" id="main">
        <p role="alert">{t('followup.report.notFound')}</p>
        <Link href="/overzicht">{t('followup.back')}</Link>
      </main>
    );
  }
  const area = areas.find((a) => a.id === inspection.areaId);
  const areaName = labels.area(inspection.areaId);
  const date = formatDay(inspection.startsAt.slice(0, 10), labels.lang);
  return (
    <main className="screen report" id="main">
      <PrintBar />
      <header className="report-head">
        <h2>
          {t('followup.report.title')} {areaName}
        </h2>
        <p className="report-times">
          {t('followup.report.planned', { date: `${date} ${inspection.startsAt.slice(11, 16)}` })}
          {' · '}
          {walkTimes(inspection, (iso) => formatDateTime(iso, i18n.language), t)}
        </p>
        <p>
          {inspection.participants.length > 0 && (
            <>
              {t('followup.report.participants')}:{' '}
              {inspection.participants.map((p) => t(`schouw.organisations.${p.organisation}`) + (p.label ? ` (${p.label})` : '')).join(', ')}
            </>
          )}
        </p>
        <p className="muted">{t('followup.report.printedOn', { date: formatDay(amsterdamDate(now), labels.lang) })}</p>
      </header>
      <ReportZipButton items={items} labels={labels} now={now} baseName={`schouw-${areaName}-${inspection.startsAt.slice(0, 10)}`.replace(/[\\/:*?"<>|]+/g, '-')} />
      <figure className="report-figure">
        <ReportMap geometry={area?.geometry ?? null} items={items} title={t('followup.report.mapTitle', { area: areaName })} />
      </figure>
      <h3>
        {t('followup.report.findingsTitle')} ({items.length})
      </h3>
      {items.length === 0 && <p>{t('followup.report.noFindings')}</p>}
      <ol className="report-findings">
        {items.map(({ number, finding: f }) => {
          const match = findCategory(f.categoryCode);
          return (
            <li key={f.id} className="report-finding">
              <span className="report-number" aria-hidden="true">
                {number}
              </span>
              <div>
                <h4>
                  <span className="visually-hidden">{t('followup.report.number')} {number}: </span>
                  {match ? `${match.theme.labels[labels.lang]} – ${match.category.labels[labels.lang]}` : f.categoryCode}
                </h4>
                <p>{f.description || t('followup.noDescription')}</p>
                <p className="report-facts">
                  {t('followup.facets.status')}: <strong>{labels.status(f.status)}</strong> · {t('followup.owner')}: <strong>{labels.owner(f.owner)}</strong> ·{' '}
                  {t('followup.due')}: <strong>{f.dueDate ? formatDay(f.dueDate, labels.lang) : t('followup.noDue')}</strong>
                </p>
                <FindingPhotos hashes={f.photoHashes} small />
              </div>
            </li>
          );
        })}
      </ol>
    </main>
  );
}

/** When the walk really took place (recorded at start and end, SPEC of inspection.ts), not only the plan. */
function walkTimes(inspection: Inspection, at: (iso: string) => string, t: (key: string, o?: Record<string, string>) => string): string {
  if (!inspection.walkStartedAt) return t('followup.report.notWalked');
  if (!inspection.walkEndedAt) return t('followup.report.walkStartedOnly', { start: at(inspection.walkStartedAt) });
  const sameDay = amsterdamDate(new Date(inspection.walkStartedAt)) === amsterdamDate(new Date(inspection.walkEndedAt));
  const end = at(inspection.walkEndedAt);
  // "3 mrt 2026 10:07 tot 11:32": the day once when the walk did not cross midnight.
  const endShown = sameDay ? end.slice(end.lastIndexOf(' ') + 1) : end;
  return t('followup.report.walkTimes', { start: at(inspection.walkStartedAt), end: endShown });
}
