import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** Back and print, above every printable page; hidden on paper. */
export function PrintBar() {
  const { t } = useTranslation();
  return (
    <div className="no-print form-actions">
      <Link href="/overzicht" className="btn btn-link">
        ← {t('followup.back')}
      </Link>
      <button type="button" className="btn btn-primary" onClick={() => window.print()}>
        {t('followup.report.print')}
      </button>
    </div>
  );
}
