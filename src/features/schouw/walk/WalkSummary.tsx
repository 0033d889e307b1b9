import { useTranslation } from 'react-i18next';
import { formatWalkTime } from '../format';
import { Link } from 'wouter';
import type { Area } from '../../../domain/area';
import type { Inspection } from '../../../domain/inspection';
import { summariseByTheme } from '../../../domain/walkSummary';
import { useWalkFindings } from '../useSchouwData';
import { SummaryTable } from './SummaryTable';
import { WalkDetailsForm } from './WalkDetailsForm';
import type { InspectionChange } from '../../../domain/inspection';

/** After the walk: what was found, per theme, with the severities. */
export function WalkSummary({ inspection, area, onReopen, onChange }: { inspection: Inspection; area: Area | undefined; onReopen: () => void; onChange: (c: InspectionChange) => Promise<string | null> }) {
  const { t } = useTranslation();
  const findings = useWalkFindings(inspection.id);
  const summary = summariseByTheme(findings ?? []);
  return (
    <main className="screen walk-summary" id="main">
      <Link href="/" className="btn btn-link">
        ← {t('schouw.allInspections')}
      </Link>
      <h2>{t('schouw.summaryTitle', { area: area?.name ?? inspection.areaId, date: formatWalkTime(inspection.startsAt) })}</h2>
      <p>{t('schouw.summaryTotal', { count: summary.total })}</p>
      <SummaryTable summary={summary} />
      <button type="button" className="btn" onClick={onReopen}>
        {t('schouw.reopenWalk')}
      </button>
      <WalkDetailsForm key={inspection.id} inspection={inspection} onSave={onChange} />
    </main>
  );
}
