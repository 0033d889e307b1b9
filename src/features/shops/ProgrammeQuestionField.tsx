import { useTranslation } from 'react-i18next';
import type { ProgrammeQuestion, ProgrammeQuestionScore } from '../../domain/scoring/programmeChecklist';
import type { RawAnswers } from './respondentAnswers';

interface Props {
  q: ProgrammeQuestion;
  n: number;
  raw: RawAnswers;
  errors: Record<string, { min: number; max: number }>;
  computed: Pick<ProgrammeQuestionScore, 'figure' | 'count'> | undefined;
  disabled: boolean;
  onChoice: (id: string, v: string) => void;
  onNumber: (key: string, v: string) => void;
}

/** One question of the programme checklist, with the control its kind asks for. */
export function ProgrammeQuestionField({ q, n, raw, errors, computed, disabled, onChoice, onNumber }: Props) {
  const { t, i18n } = useTranslation();
  const text = i18n.language === 'en' ? q.text.en : q.text.nl;
  const numberField = (key: string, label: string, max: number) => {
    const err = errors[key];
    const id = `prog-${key.replace('.', '-')}`;
    return (
      <div className={`field field-number${err ? ' field-error' : ''}`} key={key}>
        <label htmlFor={id}>{label}</label>
        {err && (
          <span className="error-text" id={`${id}-error`}>
            {t('shops.programme.invalidNumber', err)}
          </span>
        )}
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={raw.number[key] ?? ''}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
          onChange={(e) => onNumber(key, e.target.value)}
        />
      </div>
    );
  };
  const choices = (options: string[]) => (
    <div className="choice-row">
      {options.map((o) => (
        <label key={o} className="choice">
          <input type="radio" name={`prog-${q.id}`} checked={raw.choice[q.id] === o} onChange={() => onChoice(q.id, o)} />
          {o === 'partly' ? t('shops.programme.partly') : t(`shops.cert.${o}`)}
        </label>
      ))}
    </div>
  );

  if (q.source === 'computed') {
    const f = computed?.figure;
    const value = f ? `${f.count} / ${f.of}${f.percent !== null ? ` (${f.percent}%)` : ''}` : computed?.count !== undefined ? String(computed.count) : null;
    return (
      <div className="question" data-question={q.id}>
        <p className="legend-like">
          <span className="qnum">{n}.</span> {text}
        </p>
        <p>{value !== null ? t('shops.programme.computed', { value }) : t('shops.programme.computedNone')}</p>
      </div>
    );
  }
  return (
    <fieldset className="question" data-question={q.id} disabled={disabled}>
      <legend>
        <span className="qnum">{n}.</span> {text}
      </legend>
      {q.kind === 'yes_no' && choices(['yes', 'no'])}
      {q.kind === 'yes_no_partly' && (
        <>
          {choices(['yes', 'no', 'partly'])}
          {raw.choice[q.id] === 'partly' && numberField(`${q.id}.partly`, t('shops.programme.partlyPercent'), 100)}
        </>
      )}
      {q.kind === 'engagement' && (
        <div className="number-row">
          {q.parties.map((p) => numberField(`${q.id}.${p}`, t('shops.programme.engagementOf', { party: t(`shops.programme.respondents.${p}`) }), 100))}
        </div>
      )}
      {(q.kind === 'count_per_ten' || q.kind === 'count_bands' || q.kind === 'count_linear') && numberField(q.id, t('shops.programme.count'), 100_000)}
    </fieldset>
  );
}
