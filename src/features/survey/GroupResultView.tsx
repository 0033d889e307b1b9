import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../domain/survey/question';
import type { GroupResult, QuestionResult } from '../../domain/survey/results';
import './i18n';
import './survey.css';

const local = (text: LocalText, lang: string) => (lang.startsWith('en') && text.en ? text.en : text.nl);

/** One group's answers (an area or the municipality): per question its counts as text and bars; texts when present. */
export function GroupResultView({ result }: { result: GroupResult }) {
  const { t } = useTranslation();
  if (result.answers === 0) return <p className="muted">{t('survey.noAnswers')}</p>;
  return (
    <ol className="survey-results">
      {result.questions.map((q) => (
        <li key={q.id}>
          <QuestionResultView q={q} />
        </li>
      ))}
    </ol>
  );
}

function QuestionResultView({ q }: { q: QuestionResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (key: string) => {
    if (q.kind === 'yesNo') return key === 'yes' ? t('survey.yes') : t('survey.no');
    if (q.kind === 'choice') {
      const o = q.options?.find((x) => x.id === key);
      return o ? local(o.label, lang) : key;
    }
    return key;
  };
  const rows = Object.entries(q.counts);
  return (
    <div className="survey-question-result">
      <p className="survey-question-text">
        {local(q.text, lang)}{' '}
        <span className="muted">
          ({t('survey.resultsAnswers', { count: q.answered })}
          {q.kind === 'scale' && q.mean !== null && q.mean !== undefined ? `, ${t('survey.mean', { mean: q.mean.toLocaleString(lang) })}` : ''})
        </span>
      </p>
      {rows.length > 0 && (
        <ul className="survey-bars">
          {rows.map(([key, n]) => {
            const pct = q.answered === 0 ? 0 : Math.round((n / q.answered) * 100);
            return (
              <li key={key}>
                <span className="survey-bar-label">{label(key)}</span>
                <span className="survey-bar" aria-hidden="true">
                  <span style={{ width: `${pct}%` }} />
                </span>
                <span className="survey-bar-count">
                  {n} ({pct}%)
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {q.texts && q.texts.length > 0 && (
        <details>
          <summary>{t('survey.texts')}</summary>
          <ul className="survey-texts">
            {q.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
