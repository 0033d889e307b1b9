import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { db } from '../../services/db';
import { currentProgrammeScore } from '../../domain/scoring/currentScore';
import {
  buildComputedInput,
  respondentKeys,
  scoreRespondent,
  type RespondentKey,
  type Respondents,
} from '../../domain/scoring/programmeChecklist';
import { freezeProgrammeYear } from '../../storage/certificationsRepo';
import { fmt1, fmtDate, yearChoices } from './format';
import { ProgrammeMergedTable } from './ProgrammeMergedTable';
import { RespondentForm } from './RespondentForm';
import { ScoreSummary } from './ScoreSummary';
import { useProgrammeData } from './useProgrammeData';
import { useScoringTables } from './useScoringTables';
import type { ShopsData } from './useShopsData';

/** The yearly programme checklist: four respondents' lists, merged by the mean, computed questions, freeze. */
export function ProgrammeView({ data }: { data: ShopsData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yearSelect = useId();
  const years = yearChoices();
  const [year, setYear] = useState(years[0]!);
  const [respondent, setRespondent] = useState<RespondentKey>('municipality');
  const [error, setError] = useState<string | null>(null);
  const prog = useProgrammeData(data, year);
  const lastProg = useProgrammeData(data, year - 1);
  const latest = useScoringTables(data.municipality).programme;
  const table = prog.freeze?.table ?? latest;

  const computedScores = useMemo(() => {
    const facts = prog.freeze?.facts ?? prog.facts;
    const r = scoreRespondent(table, {}, buildComputedInput(table, facts));
    return new Map(r.ok ? r.questions.filter((q) => q.source === 'computed').map((q) => [q.id, q]) : []);
  }, [prog.freeze, prog.facts, table]);

  const scoreOf = (p: typeof prog) => {
    const respondents: Respondents = {};
    for (const k of respondentKeys) if (p.responses[k]) respondents[k] = p.responses[k]!.answers;
    return currentProgrammeScore(p.freeze, respondents, p.facts, latest).result;
  };
  const score = scoreOf(prog);
  const last = scoreOf(lastProg);

  const freeze = async () => {
    if (!data.municipality) return;
    const r = await freezeProgrammeYear(db, { municipality: data.municipality, year, table, facts: prog.facts, areaIds: prog.areaIds });
    setError(r.ok ? null : t(`shops.cert.refused.${r.reason}`));
  };
  const evaluations = prog.freeze?.evaluations ?? Object.fromEntries(respondentKeys.map((k) => [k, prog.responses[k]?.evaluation ?? '']));

  return (
    <section aria-labelledby="programme-title" className="panel">
      <h2 id="programme-title">{t('shops.programme.title')}</h2>
      <p>
        <Link href="/tabellen">{t('shops.tables.link')}</Link>
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={yearSelect}>{t('shops.programme.year')}</label>
          <select id={yearSelect} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <span id="respondent-label">{t('shops.programme.respondent')}</span>
          <div className="segmented" role="group" aria-labelledby="respondent-label">
            {respondentKeys.map((k) => (
              <button key={k} type="button" className="btn" aria-pressed={respondent === k} onClick={() => setRespondent(k)}>
                {t(`shops.programme.respondents.${k}`)}
                {prog.responses[k] ? ' ✓' : ''}
              </button>
            ))}
          </div>
        </div>
      </div>
      {error && (
        <p className="banner banner-warn" role="alert">
          {error}
        </p>
      )}
      {prog.freeze && <p className="note">{t('shops.programme.frozen', { date: fmtDate(prog.freeze.at, lang) })}</p>}
      <div className="cert-layout">
        <div>
          {prog.loaded && data.municipality && (
            <RespondentForm
              key={`${year}/${respondent}/${prog.freeze ? 'frozen' : 'open'}`}
              municipality={data.municipality}
              year={year}
              respondent={respondent}
              table={table}
              record={prog.freeze ? undefined : prog.responses[respondent]}
              computed={computedScores}
              frozen={!!prog.freeze}
            />
          )}
        </div>
        <aside className="cert-side">
          <h3>{t('shops.programme.merged')}</h3>
          <p className="muted">{t('shops.programme.walked', { count: prog.facts.areasWalked?.walked ?? 0, of: prog.facts.areasWalked?.total ?? 0 })}</p>
          {score.ok ? (
            <>
              {score.missing.length > 0 && (
                <p>{t('shops.programme.missing', { names: score.missing.map((k) => t(`shops.programme.respondents.${k}`)).join(', ') })}</p>
              )}
              <ScoreSummary
                grade={score.grade}
                total={score.total}
                maxTotal={score.maxTotal}
                passed={score.passed}
                passGrade={score.passGrade}
                tableVersion={score.tableVersion}
                notes={score.notes}
              />
              <ProgrammeMergedTable score={score} />
            </>
          ) : (
            <p className="banner">{t('shops.cert.refused.no_respondents')}</p>
          )}
          <p className="compare">
            {t('shops.cert.lastYear', { year: year - 1 })}: <strong>{last.ok ? t('shops.cert.score', { grade: fmt1(last.grade, lang) }) : t('shops.cert.noLastYear')}</strong>
          </p>
          {!prog.freeze && score.ok && (
            <button type="button" className="btn" onClick={() => void freeze()}>
              {t('shops.programme.freeze', { year })}
            </button>
          )}
          <h3>{t('shops.programme.evaluations')}</h3>
          <dl className="facts">
            {respondentKeys.map((k) => (
              <div key={k} className="contents">
                <dt>{t(`shops.programme.respondents.${k}`)}</dt>
                <dd>{evaluations[k] || '—'}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </section>
  );
}
