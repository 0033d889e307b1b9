import { useState } from 'react';
import { SelectField } from './SelectField';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { db } from '../../services/db';
import { freezeAreaYear, saveAreaAnswers } from '../../storage/certificationsRepo';
import { AreaQuestionList } from './AreaQuestionList';
import { fmt1, fmtDate, yearChoices } from './format';
import { ScoreSummary } from './ScoreSummary';
import { useAreaScores } from './useAreaScores';
import { useScoringTables } from './useScoringTables';
import type { ShopsData } from './useShopsData';

/** Per area and year: the yes/no answers, the computed percentages, the grade, freezing, and last year. */
export function CertificationView({ data }: { data: ShopsData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const years = yearChoices();
  const [areaId, setAreaId] = useState<string>(() => data.areas[0]?.id ?? '');
  const [year, setYear] = useState(years[0]!);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useScoringTables(data.municipality).area;
  const scores = useAreaScores(data, year, latest);
  const lastScores = useAreaScores(data, year - 1, latest);
  const area = data.areas.find((a) => a.id === areaId) ?? data.areas[0];
  const current = area ? scores?.get(area.id) : undefined;
  const last = area ? lastScores?.get(area.id) : undefined;

  const answer = async (id: string, value: boolean) => {
    if (!area || !data.municipality) return;
    const r = await saveAreaAnswers(db, { municipality: data.municipality, areaId: area.id, year, answers: { [id]: value } });
    setError(r.ok ? null : t(`shops.cert.refused.${r.reason}`));
  };
  const freeze = async () => {
    if (!area || !data.municipality) return;
    setConfirming(false);
    const r = await freezeAreaYear(db, { municipality: data.municipality, area, allAreas: data.areas, year, table: latest });
    setError(r.ok ? null : t(`shops.cert.refused.${r.reason}`));
  };

  const frozen = current?.record?.frozen;
  const table = frozen?.table ?? latest;
  const result = current?.result;
  // Last year counts only when it was really worked on (answers given or frozen).
  const lastScore = last?.record && last.result.ok ? last.result : null;
  const example = result?.ok ? result.questions.find((q) => q.figure?.percent != null) : undefined;

  return (
    <section aria-labelledby="cert-title" className="panel">
      <h2 id="cert-title">{t('shops.cert.title')}</h2>
      <p>
        <Link href="/tabellen">{t('shops.tables.link')}</Link>
      </p>
      <div className="filters">
        <SelectField label={t('shops.cert.area')} value={area?.id ?? ''} options={data.areas.map((a) => ({ value: a.id, label: a.name }))} onChange={setAreaId} />
        <SelectField label={t('shops.cert.year')} value={year} options={years.map((y) => ({ value: y, label: String(y) }))} onChange={setYear} />
      </div>
      {error && (
        <p className="banner banner-warn" role="alert">
          {error}
        </p>
      )}
      {area && result?.ok && (
        <div className="cert-layout">
          <div>
            <AreaQuestionList
              key={`${area.id}/${year}`}
              table={table}
              score={result}
              lastYear={lastScore}
              lastYearNumber={year - 1}
              answers={frozen?.answers ?? current?.record?.answers ?? {}}
              disabled={!!frozen}
              onAnswer={(id, v) => void answer(id, v)}
            />
          </div>
          <aside className="cert-side">
            <h3>{t('shops.cert.thisYear', { year })}</h3>
            <ScoreSummary
              grade={result.grade}
              total={result.total}
              maxTotal={result.maxTotal}
              passed={result.certified}
              passGrade={result.passGrade}
              tableVersion={result.tableVersion}
              notes={result.notes}
              {...(example?.figure?.percent != null
                ? { example: t('shops.cert.pointsReading', { percent: example.figure.percent, points: fmt1(example.points, lang) }) }
                : {})}
            />
            <p className="compare">
              {t('shops.cert.lastYear', { year: year - 1 })}:{' '}
              <strong>{lastScore ? t('shops.cert.score', { grade: fmt1(lastScore.grade, lang) }) : t('shops.cert.noLastYear')}</strong>
            </p>
            {frozen ? (
              <p className="note">{t('shops.cert.frozen', { date: fmtDate(frozen.at, lang) })}</p>
            ) : confirming ? (
              <div className="confirm" role="group" aria-label={t('shops.cert.freeze', { year })}>
                <p>{t('shops.cert.freezeConfirm', { year })}</p>
                <button type="button" className="btn btn-primary" onClick={() => void freeze()}>
                  {t('shops.cert.freeze', { year })}
                </button>{' '}
                <button type="button" className="btn" onClick={() => setConfirming(false)}>
                  {t('shops.form.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className="btn" onClick={() => setConfirming(true)}>
                {t('shops.cert.freeze', { year })}
              </button>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
