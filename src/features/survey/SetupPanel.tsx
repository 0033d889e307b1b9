import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { questionKinds, SURVEY_LIMITS, type Question, type QuestionKind } from '../../domain/survey/question';
import type { SurveySetup } from '../../domain/survey/setup';
import { surveyApi, type SurveyOverview } from './surveyApi';

interface Draft {
  kind: QuestionKind;
  text: string;
  options: string;
}

const toDraft = (q: Question): Draft => ({ kind: q.kind, text: q.text.nl, options: (q.options ?? []).map((o) => o.label.nl).join('\n') });

/** The year's set-up: the fixed questions (read only), up to 5 topical ones, the threshold and publishing. */
export function SetupPanel({ municipality, overview, onSaved }: { municipality: string; overview: SurveyOverview; onSaved: (s: SurveySetup) => void }) {
  const { t, i18n } = useTranslation();
  const base = overview.setup ?? { ...overview.defaults };
  const [topical, setTopical] = useState<Draft[]>(() => base.topical.map(toDraft));
  const [threshold, setThreshold] = useState(String(base.threshold));
  const [resultsPublic, setResultsPublic] = useState(base.resultsPublic);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const en = i18n.language.startsWith('en');

  const save = async () => {
    const body = {
      year: overview.year,
      fixedVersion: base.fixedVersion,
      threshold: Number(threshold),
      resultsPublic,
      topical: topical.map((d, i) => ({
        id: `t${i + 1}`,
        kind: d.kind,
        text: { nl: d.text },
        ...(d.kind === 'choice' ? { options: d.options.split('\n').map((l) => l.trim()).filter(Boolean).map((l, j) => ({ id: `o${j + 1}`, label: { nl: l } })) } : {}),
      })),
    };
    const r = await surveyApi.save(municipality, body);
    if (r.ok) {
      setMessage({ ok: true, text: t('survey.saved') });
      onSaved(r.value.setup);
    } else setMessage({ ok: false, text: r.error === 'offline' ? t('survey.error_offline') : t('survey.error_generic', { reason: r.error }) });
  };
  const change = (i: number, patch: Partial<Draft>) => setTopical((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <section className="survey-setup" aria-labelledby="survey-setup-title">
      <h3 id="survey-setup-title">{t('survey.setupTitle', { year: overview.year })}</h3>
      {!overview.setup && <p className="banner">{t('survey.notSetUp', { year: overview.year })}</p>}
      <h4>{t('survey.fixedTitle', { version: base.fixedVersion })}</h4>
      <p className="muted">{t('survey.fixedHint')}</p>
      <ol>
        {overview.fixedQuestions.map((q) => (
          <li key={q.id}>
            {en && q.text.en ? q.text.en : q.text.nl} <span className="muted">({t(`survey.kind_${q.kind}`)})</span>
          </li>
        ))}
      </ol>
      <h4>{t('survey.topicalTitle', { count: topical.length, max: SURVEY_LIMITS.topicalQuestions })}</h4>
      {topical.map((d, i) => (
        <fieldset key={i} className="survey-topical">
          <legend>{`${overview.fixedQuestions.length + i + 1}.`}</legend>
          <label>
            {t('survey.questionText')}
            <input value={d.text} maxLength={SURVEY_LIMITS.questionText} onChange={(e) => change(i, { text: e.target.value })} />
          </label>
          <label>
            {t('survey.questionKind')}
            <select value={d.kind} onChange={(e) => change(i, { kind: e.target.value as QuestionKind })}>
              {questionKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`survey.kind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          {d.kind === 'choice' && (
            <label>
              {t('survey.options')}
              <textarea rows={4} value={d.options} onChange={(e) => change(i, { options: e.target.value })} />
            </label>
          )}
          <button type="button" onClick={() => setTopical((list) => list.filter((_, j) => j !== i))}>
            {t('survey.removeTopical')}
          </button>
        </fieldset>
      ))}
      {topical.length < SURVEY_LIMITS.topicalQuestions && (
        <button type="button" onClick={() => setTopical((list) => [...list, { kind: 'yesNo', text: '', options: '' }])}>
          {t('survey.addTopical')}
        </button>
      )}
      <label>
        {t('survey.threshold')}
        <input type="number" min={SURVEY_LIMITS.minThreshold} max={SURVEY_LIMITS.maxThreshold} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={resultsPublic} onChange={(e) => setResultsPublic(e.target.checked)} /> {t('survey.resultsPublic')}
      </label>
      <p>
        <button type="button" className="primary" onClick={() => void save()}>
          {t('survey.save')}
        </button>
      </p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner' : 'form-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
