import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatParticipation } from '../../domain/participation';
import type { AreaQuestionScore, AreaScore, AreaScoringTable } from '../../domain/scoring/areaCertification';
import { fmt1 } from './format';

interface Props {
  table: AreaScoringTable;
  score: AreaScore;
  lastYear: AreaScore | null;
  lastYearNumber: number;
  answers: Record<string, boolean | null>;
  disabled: boolean;
  onAnswer: (id: string, value: boolean) => void;
}

/** The ten questions (give it a key per area and year): yes/no answered here, percentages computed from the register, with last year's points. */
export function AreaQuestionList({ table, score, lastYear, lastYearNumber, answers, disabled, onAnswer }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  // Shown at once, before the stored answer comes back from the database (remount per area and year).
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const byId = new Map(score.questions.map((q) => [q.id, q]));
  const lastById = new Map((lastYear?.questions ?? []).map((q) => [q.id, q]));
  return (
    <ol className="questions">
      {table.questions.map((q, i) => {
        const s = byId.get(q.id);
        const last = lastById.get(q.id);
        const text = lang === 'en' ? q.text.en : q.text.nl;
        return (
          <li key={q.id} className="question" data-question={q.id}>
            {q.kind === 'yes_no' ? (
              <fieldset disabled={disabled}>
                <legend>
                  <span className="qnum">{i + 1}.</span> {text}
                </legend>
                <div className="choice-row">
                  {[true, false].map((v) => (
                    <label key={String(v)} className="choice">
                      <input type="radio" name={`area-${q.id}`} checked={(chosen[q.id] ?? answers[q.id]) === v}
                        onChange={() => {
                          setChosen((c) => ({ ...c, [q.id]: v }));
                          onAnswer(q.id, v);
                        }} />
                      {t(v ? 'shops.cert.yes' : 'shops.cert.no')}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <div>
                <p className="legend-like">
                  <span className="qnum">{i + 1}.</span> {text}
                </p>
                <p>
                  {t('shops.cert.computed')}: <strong>{s?.figure ? formatParticipation(s.figure, lang) : '—'}</strong>
                  {s?.figure?.percent != null && (
                    <span className="reading"> · {t('shops.cert.pointsReading', { percent: s.figure.percent, points: fmt1(s.points, lang) })}</span>
                  )}
                </p>
              </div>
            )}
            <p className="question-points">
              {t('shops.cert.points')}: <strong>{s ? fmt1(s.points, lang) : '—'}</strong> / {s ? fmt1(s.maxPoints, lang) : '—'}
              {s?.warning && <span className="warning"> ⚠ {t(`shops.cert.warnings.${s.warning}`)}</span>}
              {lastYear && (
                <span className="muted">
                  {' · '}
                  {t('shops.cert.lastYear', { year: lastYearNumber })}: {last ? fmt1(last.points, lang) : '—'}
                </span>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

export type { AreaQuestionScore };
