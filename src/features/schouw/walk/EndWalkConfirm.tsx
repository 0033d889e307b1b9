import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../domain/finding';
import { summariseByTheme } from '../../../domain/walkSummary';
import { SummaryTable } from './SummaryTable';
import './i18nWalk';

/** Before a walk ends: what was recorded, and a clear yes or not-yet. */
export function EndWalkConfirm({ findings, onConfirm, onCancel }: { findings: readonly Finding[]; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const summary = summariseByTheme(findings);
  return (
    <section className="end-walk" aria-labelledby="end-walk-title">
      <h2 id="end-walk-title">{t('walk.endTitle')}</h2>
      <p>{t('walk.endIntro')}</p>
      <p>
        <strong>{t('schouw.summaryTotal', { count: summary.total })}</strong>
      </p>
      <div className="end-walk-table">
        <SummaryTable summary={summary} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-primary btn-big" onClick={onConfirm}>
          {t('walk.endConfirm')}
        </button>
        <button type="button" className="btn btn-big" onClick={onCancel}>
          {t('walk.endCancel')}
        </button>
      </div>
    </section>
  );
}
