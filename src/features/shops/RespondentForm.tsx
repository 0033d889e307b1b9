import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../services/db';
import type { ProgrammeResponseRecord } from '../../domain/certificationRecord';
import type { ProgrammeQuestionScore, ProgrammeScoringTable, RespondentKey } from '../../domain/scoring/programmeChecklist';
import { saveProgrammeResponse } from '../../storage/certificationsRepo';
import { ProgrammeQuestionField } from './ProgrammeQuestionField';
import { buildAnswers, rawFromAnswers, type RawAnswers } from './respondentAnswers';

interface Props {
  municipality: string;
  year: number;
  respondent: RespondentKey;
  table: ProgrammeScoringTable;
  record: ProgrammeResponseRecord | undefined;
  computed: Map<string, Pick<ProgrammeQuestionScore, 'figure' | 'count'>>;
  frozen: boolean;
}

/** One respondent's list of 20 questions and evaluation; remount it (key) per respondent and year. */
export function RespondentForm({ municipality, year, respondent, table, record, computed, frozen }: Props) {
  const { t } = useTranslation();
  const evalId = useId();
  const [raw, setRaw] = useState<RawAnswers>(() => rawFromAnswers(table.questions, record?.answers ?? {}));
  const [evaluation, setEvaluation] = useState(record?.evaluation ?? '');
  const [errors, setErrors] = useState<Record<string, { min: number; max: number }>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const name = t(`shops.programme.respondents.${respondent}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildAnswers(table.questions, raw);
    setErrors(built.errors);
    if (Object.keys(built.errors).length > 0) {
      setStatus({ ok: false, text: t('shops.form.errorSummary') });
      return;
    }
    const r = await saveProgrammeResponse(db, { municipality, year, respondent, answers: built.answers, evaluation: evaluation.trim() });
    setStatus(r.ok ? { ok: true, text: t('shops.programme.saved', { respondent: name }) } : { ok: false, text: t(`shops.cert.refused.${r.reason}`) });
  };

  return (
    <form className="respondent-form" onSubmit={(e) => void submit(e)} noValidate aria-label={name}>
      <ol className="questions plain">
        {table.questions.map((q, i) => (
          <li key={q.id}>
            <ProgrammeQuestionField
              q={q}
              n={i + 1}
              raw={raw}
              errors={errors}
              computed={computed.get(q.id)}
              disabled={frozen}
              onChoice={(id, v) => setRaw((r) => ({ ...r, choice: { ...r.choice, [id]: v } }))}
              onNumber={(key, v) => setRaw((r) => ({ ...r, number: { ...r.number, [key]: v } }))}
            />
          </li>
        ))}
      </ol>
      <div className="field">
        <label htmlFor={evalId}>{t('shops.programme.evaluation')}</label>
        <textarea id={evalId} rows={4} maxLength={4000} value={evaluation} disabled={frozen} onChange={(e) => setEvaluation(e.target.value)} />
      </div>
      <div role="status" aria-live="polite">
        {status && <p className={status.ok ? 'banner banner-ok' : 'banner banner-warn'}>{status.text}</p>}
      </div>
      {!frozen && (
        <button type="submit" className="btn btn-primary">
          {t('shops.programme.save')}
        </button>
      )}
    </form>
  );
}
