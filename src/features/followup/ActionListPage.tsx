import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../domain/finding';
import { ownerIds } from '../owners/useOrganisations';
import { amsterdamDate, isOverdue } from '../../domain/overdue';
import { formatDay, type Labels } from './labels';
import { actionsPerOwner } from './reportModel';
import { PrintBar } from './PrintBar';

/** /opvolging/acties — what each owner still has to do, printable (one owner per page). */
export function ActionListPage({ findings, labels, now }: { findings: readonly Finding[]; labels: Labels; now: Date }) {
  const { t } = useTranslation();
  const groups = useMemo(() => actionsPerOwner(findings, ownerIds(labels.organisations, findings.map((f) => f.owner))), [findings, labels.organisations]);
  return (
    <main className="screen report" id="main">
      <PrintBar />
      <h2>{t('followup.report.actionTitle')}</h2>
      <p className="muted">{t('followup.report.printedOn', { date: formatDay(amsterdamDate(now), labels.lang) })}</p>
      {groups.length === 0 && <p>{t('followup.report.noActions')}</p>}
      {groups.map((g) => (
        <section key={g.owner} className="action-group" aria-labelledby={`owner-${g.owner}`}>
          <h3 id={`owner-${g.owner}`}>
            {labels.owner(g.owner)} ({g.findings.length})
          </h3>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t('followup.due')}</th>
                <th scope="col">{t('followup.facets.area')}</th>
                <th scope="col">{t('followup.facets.category')}</th>
                <th scope="col">{t('followup.listTitle')}</th>
                <th scope="col">{t('followup.facets.status')}</th>
              </tr>
            </thead>
            <tbody>
              {g.findings.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.dueDate ? formatDay(f.dueDate, labels.lang) : '—'}
                    {isOverdue(f, now) && <strong className="fu-overdue"> {t('followup.overdueBadge')}</strong>}
                  </td>
                  <td>{labels.area(f.areaId)}</td>
                  <td>{labels.category(f.categoryCode)}</td>
                  <td>{f.description || '—'}</td>
                  <td>{labels.status(f.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}
