import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Finding } from '../../domain/finding';
import { NONE } from '../../domain/followupFilter';
import { summarise, totals, type SummaryRow } from '../../domain/followupSummary';
import type { Inspection } from '../../domain/inspection';
import { formatDay, type Labels } from './labels';

interface Props {
  findings: readonly Finding[];
  inspections: readonly Inspection[];
  fixedAt: ReadonlyMap<string, string>;
  labels: Labels;
  now: Date;
}

/** /opvolging/overzicht: open, overdue and fixed this year per area and per owner; the reports. */
export function SummaryPage({ findings, inspections, fixedAt, labels, now }: Props) {
  const { t } = useTranslation();
  const perArea = useMemo(() => summarise(findings, fixedAt, (f) => f.areaId ?? NONE, now), [findings, fixedAt, now]);
  const perOwner = useMemo(() => summarise(findings, fixedAt, (f) => f.owner ?? NONE, now), [findings, fixedAt, now]);
  const withFindings = new Set(findings.map((f) => f.inspectionId));
  return (
    <main className="screen fu-summary" id="main">
      <Link href="/" className="btn btn-link">
        ← {t('followup.back')}
      </Link>
      <h2>{t('followup.summaryTitle')}</h2>
      <div className="fu-summary-grid">
        <SummaryTable id="fu-per-area" title={t('followup.perArea')} column={t('followup.facets.area')} rows={perArea} name={(k) => (k === NONE ? t('followup.none.area') : labels.area(k))} />
        <SummaryTable id="fu-per-owner" title={t('followup.perOwner')} column={t('followup.facets.owner')} rows={perOwner} name={(k) => (k === NONE ? t('followup.none.owner') : labels.owner(k))} />
      </div>
      <h2>{t('followup.reportsTitle')}</h2>
      <ul className="fu-reports">
        <li>
          <Link href="/acties">{t('followup.actionList')}</Link>
        </li>
        {[...inspections]
          .reverse()
          .filter((i) => withFindings.has(i.id) || i.status !== 'planned')
          .map((i) => (
            <li key={i.id}>
              <Link href={`/rapport/${i.id}`}>{t('followup.reportFor', { area: labels.area(i.areaId), date: formatDay(i.startsAt.slice(0, 10), labels.lang) })}</Link>
            </li>
          ))}
      </ul>
    </main>
  );
}

function SummaryTable({ id, title, column, rows, name }: { id: string; title: string; column: string; rows: SummaryRow[]; name: (key: string) => string }) {
  const { t } = useTranslation();
  const sum = totals(rows);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">{t('followup.openCount')}</th>
            <th scope="col">{t('followup.overdueCount')}</th>
            <th scope="col">{t('followup.fixedThisYear')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{name(r.key)}</th>
              <td>{r.open}</td>
              <td>{r.overdue}</td>
              <td>{r.fixedThisYear}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('followup.total')}</th>
            <td>{sum.open}</td>
            <td>{sum.overdue}</td>
            <td>{sum.fixedThisYear}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
