import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../domain/finding';
import { findingsToCsv, findingsToGeoJson, type CsvSeparator } from '../../domain/findingExport';
import { amsterdamDate } from '../../domain/overdue';
import { downloadText } from '../shops/download';
import type { Labels } from './labels';

const SEP_KEY = 'schouwkaart.csvSeparator';

/** Exports what the list shows (or, when some are checked, just those). */
export function ExportBar({ findings, labels, now }: { findings: readonly Finding[]; labels: Labels; now: Date }) {
  const { t } = useTranslation();
  const [sep, setSep] = useState<CsvSeparator>(() => (localStorage.getItem(SEP_KEY) === ',' ? ',' : ';'));
  const stamp = amsterdamDate(now);
  const choose = (v: CsvSeparator) => {
    setSep(v);
    localStorage.setItem(SEP_KEY, v);
  };
  return (
    <details className="fu-export">
      <summary>
        {t('followup.exportTitle')} ({findings.length})
      </summary>
      <div className="fu-export-body">
        <label>
          <span className="visually-hidden">{t('followup.separator')}</span>
          <select value={sep} onChange={(e) => choose(e.target.value as CsvSeparator)} aria-label={t('followup.separator')}>
            <option value=";">{t('followup.separators.semicolon')}</option>
            <option value=",">{t('followup.separators.comma')}</option>
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={findings.length === 0}
          onClick={() => downloadText(findingsToCsv(findings, labels.exportLabels, sep, now), `bevindingen-${stamp}.csv`, 'text/csv;charset=utf-8')}
        >
          {t('followup.exportCsv')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={findings.length === 0}
          onClick={() =>
            downloadText(JSON.stringify(findingsToGeoJson(findings, labels.exportLabels, now), null, 1), `bevindingen-${stamp}.geojson`, 'application/geo+json')
          }
        >
          {t('followup.exportGeoJson')}
        </button>
      </div>
    </details>
  );
}
