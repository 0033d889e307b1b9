/**
 * "Trends over de jaren" as a closed disclosure: the charts' code is fetched only when it is opened
 * (React.lazy), so the screens that offer it carry a few hundred bytes, not the charts.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendsSectionProps } from './TrendsSection';
import './i18nRegister';
import './trends.css';

const TrendsSection = lazy(() => import('./TrendsSection'));

export function TrendsDetails(props: TrendsSectionProps & { open?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(props.open ?? false);
  return (
    <details className="trends-details" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('trends.show')}</summary>
      {open && (
        <Suspense fallback={<p role="status">{t('trends.loading')}</p>}>
          <TrendsSection {...props} />
        </Suspense>
      )}
    </details>
  );
}
