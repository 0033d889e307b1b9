import { useTranslation } from 'react-i18next';
import { respondentKeys, type ProgrammeScore } from '../../domain/scoring/programmeChecklist';
import { fmt1 } from './format';

/** Per question the merged (mean) points and each respondent's points, so gaps between them show. */
export function ProgrammeMergedTable({ score }: { score: ProgrammeScore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('shops.programme.perRespondent')}>
      <table className="data-table compact">
        <caption>{t('shops.programme.perRespondent')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shops.cert.question')}</th>
            <th scope="col">{t('shops.cert.points')}</th>
            {respondentKeys.map((k) => (
              <th scope="col" key={k}>
                {t(`shops.programme.respondents.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {score.questions.map((q, i) => (
            <tr key={q.id}>
              <th scope="row">{i + 1}</th>
              <td className="num">
                <strong>{fmt1(q.points, lang)}</strong>
              </td>
              {respondentKeys.map((k) => (
                <td className="num" key={k}>
                  {q.source === 'computed' ? '·' : q.perRespondent[k] !== undefined ? fmt1(q.perRespondent[k]!, lang) : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
