import { useCallback, useEffect, useRef, useState } from 'react';
import { CSRF_HEADER, CSRF_VALUE } from '../../../domain/authConstants';
import { SCALE_MAX, SCALE_MIN, SURVEY_LIMITS, type AnswerValue, type Answers, type LocalText, type Question } from '../../../domain/survey/question';
import { text, type Key, type Lang } from './strings';

interface Survey {
  year: number;
  municipality: string;
  shopName: string | null;
  questions: Question[];
  draft: Answers;
}

type Stop = 'link_unknown' | 'link_answered' | 'link_revoked' | 'rate_limited';
type State = { kind: 'loading' } | { kind: 'stop'; why: Stop } | { kind: 'form'; survey: Survey } | { kind: 'done' } | { kind: 'offline' };
type Save = 'idle' | 'saving' | 'saved' | 'failed';

const stopOf = (status: number, error: unknown): Stop | null => {
  if (status === 429) return 'rate_limited';
  if (error === 'link_unknown' || error === 'link_answered' || error === 'link_revoked') return error;
  return null;
};

async function post(url: string, method: 'POST' | 'PUT', body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE }, body: JSON.stringify(body), credentials: 'same-origin' });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

const initialLang = (): Lang => (navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : navigator.language ? 'en' : 'nl');

/** The survey behind one personal link: open, answer (kept as a draft on the server as you go), send once. */
export function SurveyPage({ token }: { token: string }) {
  const [lang, setLang] = useState<Lang>(() => (initialLang() === 'en' ? 'en' : 'nl'));
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [answers, setAnswers] = useState<Answers>({});
  const [save, setSave] = useState<Save>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tr = useCallback((key: Key, values?: Record<string, string | number>) => text(lang, key, values), [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    let live = true;
    post('/api/public/survey/open', 'POST', { token })
      .then((r) => {
        if (!live) return;
        if (r.status === 200) {
          const survey = r.body as unknown as Survey;
          setAnswers(survey.draft ?? {});
          setState({ kind: 'form', survey });
        } else setState({ kind: 'stop', why: stopOf(r.status, r.body.error) ?? 'link_unknown' });
      })
      .catch(() => live && setState({ kind: 'offline' }));
    return () => {
      live = false;
    };
  }, [token]);

  const saveDraft = useCallback(
    (next: Answers) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        setSave('saving');
        post('/api/public/survey/draft', 'PUT', { token, answers: next })
          .then((r) => {
            const stop = stopOf(r.status, r.body.error);
            if (stop && stop !== 'rate_limited') setState({ kind: 'stop', why: stop });
            setSave(r.status === 200 ? 'saved' : 'failed');
          })
          .catch(() => setSave('failed'));
      }, 700);
    },
    [token],
  );

  const answer = (id: string, value: AnswerValue | null) => {
    setProblem(null);
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === null || value === '') delete next[id];
      else next[id] = value;
      saveDraft(next);
      return next;
    });
  };

  const send = async () => {
    if (Object.keys(answers).length === 0) return setProblem(tr('needOne'));
    if (timer.current) clearTimeout(timer.current);
    setSending(true);
    try {
      const r = await post('/api/public/survey/submit', 'POST', { token, answers });
      if (r.status === 200) return setState({ kind: 'done' });
      const stop = stopOf(r.status, r.body.error);
      if (stop && stop !== 'rate_limited') return setState({ kind: 'stop', why: stop });
      setProblem(tr('sendFailed', { reason: String(r.body.error ?? r.status) }));
    } catch {
      setProblem(tr('offline'));
    } finally {
      setSending(false);
    }
  };

  const langButton = (
    <button type="button" className="lang" lang={lang === 'nl' ? 'en' : 'nl'} onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>
      {tr('language')}
    </button>
  );

  if (state.kind === 'loading') return <Page title={tr('title')} lang={langButton}><p aria-busy="true">{tr('loading')}</p></Page>;
  if (state.kind === 'offline') return <Page title={tr('title')} lang={langButton}><p role="alert">{tr('offline')}</p></Page>;
  // The same personal link pins a worry on the shop's area map (R53), answered or not: the worry page
  // says so itself when the link no longer works.
  const worry = (
    <section className="worry" aria-labelledby="worry-title">
      <h2 id="worry-title">{tr('worryTitle')}</h2>
      <p>{tr('worryIntro')}</p>
      <a className="worry-link" href={`/melding#${encodeURIComponent(token)}`}>
        {tr('worryLink')}
      </a>
    </section>
  );

  if (state.kind === 'done') return <Page title={tr('thanksTitle')} lang={langButton}><p role="status">{tr('thanks')}</p>{worry}</Page>;
  if (state.kind === 'stop') {
    const [title, body]: [Key, Key] =
      state.why === 'link_answered' ? ['answeredTitle', 'answered'] : state.why === 'link_revoked' ? ['revokedTitle', 'revoked'] : state.why === 'rate_limited' ? ['limitedTitle', 'limited'] : ['unknownTitle', 'unknown'];
    return (
      <Page title={tr(title)} lang={langButton}>
        <p role="alert" data-refusal={state.why}>
          {tr(body)}
        </p>
        {state.why !== 'link_answered' && <p>{tr('nothingStored')}</p>}
        {state.why === 'link_answered' && worry}
      </Page>
    );
  }

  const { survey } = state;
  return (
    <Page title={tr('title')} lang={langButton}>
      <p className="subtitle">{tr('subtitle', { municipality: survey.municipality, year: survey.year })}</p>
      {survey.shopName && <p className="shop">{tr('forShop', { shop: survey.shopName })}</p>}
      <p>{tr('intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ol className="questions">
          {survey.questions.map((q) => (
            <li key={q.id}>
              <QuestionField q={q} lang={lang} value={answers[q.id]} onChange={(v) => answer(q.id, v)} tr={tr} />
            </li>
          ))}
        </ol>
        <p className="save-state" role="status" aria-live="polite">
          {save === 'saving' ? tr('saving') : save === 'saved' ? tr('saved') : save === 'failed' ? tr('notSaved') : ''}
        </p>
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" className="send" disabled={sending}>
          {sending ? tr('sending') : tr('send')}
        </button>
      </form>
      {worry}
    </Page>
  );
}

function Page({ title, lang, children }: { title: string; lang: React.ReactNode; children: React.ReactNode }) {
  return (
    <main>
      <header>
        <h1>{title}</h1>
        {lang}
      </header>
      {children}
    </main>
  );
}

const local = (t: LocalText, lang: Lang) => (lang === 'en' && t.en ? t.en : t.nl);

function QuestionField({ q, lang, value, onChange, tr }: { q: Question; lang: Lang; value: AnswerValue | undefined; onChange: (v: AnswerValue | null) => void; tr: (k: Key, v?: Record<string, string | number>) => string }) {
  const name = `q-${q.id}`;
  if (q.kind === 'text') {
    return (
      <label className="question">
        <span className="question-text">{local(q.text, lang)}</span>
        <textarea name={name} rows={3} maxLength={SURVEY_LIMITS.textAnswer} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
        <span className="hint">{tr('textHint', { max: SURVEY_LIMITS.textAnswer })}</span>
      </label>
    );
  }
  const choices: { value: AnswerValue; label: string }[] =
    q.kind === 'yesNo'
      ? [
          { value: true, label: tr('yes') },
          { value: false, label: tr('no') },
        ]
      : q.kind === 'scale'
        ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i).map((n) => ({ value: n, label: n === SCALE_MIN ? `${n} (${tr('scaleLow')})` : n === SCALE_MAX ? `${n} (${tr('scaleHigh')})` : String(n) }))
        : (q.options ?? []).map((o) => ({ value: o.id, label: local(o.label, lang) }));
  return (
    <fieldset className={`question question-${q.kind}`}>
      <legend className="question-text">{local(q.text, lang)}</legend>
      <div className="choices">
        {choices.map((c) => (
          <label key={String(c.value)} className="choice">
            <input type="radio" name={name} checked={value === c.value} onChange={() => onChange(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
