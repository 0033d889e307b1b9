import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../services/actor';
import { useActorNames } from '../../services/people';
import { db } from '../../services/db';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
import { editableParams, type ParamProblem, type ScoringTable, type TableKind } from '../../domain/scoring/tableCorrection';
import { saveTableCorrection } from '../../storage/scoringTablesRepo';
import { fmt1, fmtDate } from './format';
import { describeQuestion, paramLabel, parseNumber } from './tableText';
import { TextField } from './TextField';
import { useScoringTables } from './useScoringTables';

const kinds: TableKind[] = ['area', 'programme'];

/** The coordinator's screen (route /winkels/tabellen): each scoring table in words, corrections, versions. */
export function TablesView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const who = useActorNames();
  const [kind, setKind] = useState<TableKind>('programme');
  const [saved, setSaved] = useState<string | null>(null);
  const tables = useScoringTables(useAppData(useOnline()).config?.municipality.id);
  const table: ScoringTable = tables[kind];
  const versions = tables.versions.filter((v) => v.kind === kind);
  return (
    <section aria-labelledby="tables-title" className="panel">
      <h2 id="tables-title">{t('shops.tables.title')}</h2>
      <div className="segmented" role="group" aria-label={t('shops.tables.title')}>
        {kinds.map((k) => (
          <button key={k} type="button" className="btn" aria-pressed={kind === k} onClick={() => (setKind(k), setSaved(null))}>
            {t(`shops.tables.kind.${k}`)}
          </button>
        ))}
      </div>
      <p>
        <strong>{t('shops.tables.current', { version: table.version })}</strong> · {t('shops.tables.passGrade', { grade: fmt1(table.passGrade, lang) })}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">{t(`shops.tables.kind.${kind}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shops.tables.question')}</th>
            <th scope="col">{t('shops.tables.how')}</th>
          </tr>
        </thead>
        <tbody>
          {table.questions.map((q) => (
            <tr key={q.id}>
              <th scope="row">
                {q.id.slice(1)}. {lang === 'en' ? q.text.en : q.text.nl}
              </th>
              <td>{describeQuestion(q, t, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved && (
        <p className="banner" role="status">
          {t('shops.tables.saved', { version: saved })}
        </p>
      )}
      {tables.loaded && <CorrectionForm key={`${kind}/${table.version}`} kind={kind} table={table} onSaved={setSaved} />}
      <h3>{t('shops.tables.history')}</h3>
      <ul className="table-versions">
        <li>{t('shops.tables.historyDefault', { version: versions[0]?.basedOn ?? table.version })}</li>
        {versions.map((v) => (
          <li key={v.id}>{t('shops.tables.historyEntry', { version: v.version, date: fmtDate(v.createdAt, lang), by: who(v.createdBy), why: v.why })}</li>
        ))}
      </ul>
    </section>
  );
}

function CorrectionForm({ kind, table, onSaved }: { kind: TableKind; table: ScoringTable; onSaved: (version: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actor = useActor();
  const whyId = useId();
  const params = editableParams(table);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(params.map((p) => [p.key, lang === 'en' ? String(p.value) : String(p.value).replace('.', ',')])),
  );
  const [why, setWhy] = useState('');
  const [problems, setProblems] = useState<Record<string, ParamProblem>>({});
  const [message, setMessage] = useState<string | null>(null);
  const mayCorrect = actor?.roles.includes('coordinator') ?? false;
  const municipality = useAppData(useOnline()).config?.municipality.id;

  const save = async () => {
    if (!actor || !municipality) return;
    const changes = Object.fromEntries(params.map((p) => [p.key, parseNumber(values[p.key] ?? '')]));
    const r = await saveTableCorrection(db, { kind, changes, why, by: actor.id, municipality });
    if (r.ok) {
      onSaved(r.value.version);
      return;
    }
    setProblems(r.problems);
    setMessage(t(`shops.tables.refused.${r.reason}`));
  };

  const groups = new Map<string | null, typeof params>();
  for (const p of params) groups.set(p.question, [...(groups.get(p.question) ?? []), p]);
  const fieldError = (key: string) => (problems[key] ? t(`shops.tables.problem.${problems[key]}`) : undefined);

  return (
    <form
      className="table-correction"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('shops.tables.correct')}</h3>
      <p className="muted">{t('shops.tables.correctHint')}</p>
      {!mayCorrect && <p className="banner">{t('shops.tables.onlyCoordinator')}</p>}
      {message && (
        <p className="banner banner-warn" role="alert">
          {message}
        </p>
      )}
      {problems[''] && <p className="error-text">{t(`shops.tables.problem.${problems['']}`)}</p>}
      <fieldset disabled={!mayCorrect}>
        {[...groups].map(([question, list]) => {
          const q = table.questions.find((x) => x.id === question);
          return (
            <fieldset key={question ?? 'grade'} className="table-params">
              <legend>{q ? `${q.id.slice(1)}. ${lang === 'en' ? q.text.en : q.text.nl}` : t('shops.tables.field.passGrade')}</legend>
              {list.map((p) => (
                <TextField
                  key={p.key}
                  label={paramLabel(p.field, t)}
                  value={values[p.key] ?? ''}
                  onChange={(v) => setValues((s) => ({ ...s, [p.key]: v }))}
                  error={fieldError(p.key)}
                />
              ))}
            </fieldset>
          );
        })}
        <div className={`field${problems.why ? ' field-error' : ''}`}>
          <label htmlFor={whyId}>{t('shops.tables.why')}</label>
          {problems.why && (
            <span id={`${whyId}-error`} className="error-text">
              {t('shops.tables.refused.no_why')}
            </span>
          )}
          <textarea
            id={whyId}
            value={why}
            required
            aria-invalid={problems.why ? true : undefined}
            aria-describedby={problems.why ? `${whyId}-error` : undefined}
            onChange={(e) => setWhy(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('shops.tables.save')}
        </button>
      </fieldset>
    </form>
  );
}
