import { useTranslation } from 'react-i18next';
import type { Reading } from '../../domain/scoring/areaCertification';
import { fmt1 } from './format';

interface Props {
  grade: number;
  total: number;
  maxTotal: number;
  passed: boolean;
  passGrade: number;
  tableVersion: string;
  notes: readonly Reading[];
  /** Extra line, e.g. the reading of one percentage question. */
  example?: string;
}

/** The grade with one decimal, the points, pass or not, the table version and the readings of the source. */
export function ScoreSummary({ grade, total, maxTotal, passed, passGrade, tableVersion, notes, example }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className={`score ${passed ? 'score-pass' : 'score-fail'}`} role="status" aria-live="polite">
      <p className="score-grade">{t('shops.cert.score', { grade: fmt1(grade, lang) })}</p>
      <p>{t('shops.cert.total', { total: fmt1(total, lang), max: fmt1(maxTotal, lang) })}</p>
      <p className="score-verdict">
        {passed ? '✓ ' : '✗ '}
        {t(passed ? 'shops.cert.certified' : 'shops.cert.notCertified', { pass: fmt1(passGrade, lang) })}
      </p>
      {example && <p className="score-example">{example}</p>}
      {/* How the score reads the table is there for who asks, not in everyone's way. */}
      <details className="readings">
        <summary>{t('shops.cert.whyReading')}</summary>
        <ul>
          {notes.map((n) => (
            <li key={n.id}>{lang === 'en' ? n.en : n.nl}</li>
          ))}
        </ul>
        <p className="muted">{t('shops.cert.tableVersion', { version: tableVersion })}</p>
      </details>
    </div>
  );
}
