/**
 * The survey results on the public page (issue 16a's public endpoint, SPEC.md R46): counts, shares and
 * means per question, only when the survey results are public and the group has enough answers; free
 * text is never part of that answer.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface LocalText {
  nl: string;
  en?: string;
}
interface QuestionResult {
  id: string;
  kind: 'yesNo' | 'scale' | 'choice' | 'text';
  text: LocalText;
  answered: number;
  counts: Record<string, number>;
  options?: { id: string; label: LocalText }[];
  mean?: number | null;
}
type Result = { shown: true; result: { answers: number; questions: QuestionResult[] } } | { shown: false };

export function SurveySection({ municipality, areaId }: { municipality: string; areaId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [result, setResult] = useState<Result | null>(null);
  useEffect(() => {
    let live = true;
    const url = `/api/public/survey/${encodeURIComponent(municipality)}${areaId ? `/areas/${encodeURIComponent(areaId)}` : ''}`;
    fetch(url)
      .then(async (res) => (res.ok ? ((await res.json()) as Result) : ({ shown: false } as const)))
      .catch(() => ({ shown: false }) as const)
      .then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [municipality, areaId]);
  const text = (l: LocalText) => (lang === 'en' && l.en ? l.en : l.nl);
  const share = (n: number, of: number) => (of > 0 ? Math.round((100 * n) / of) : 0);

  return (
    <section data-slot="survey">
      <h2>{t('public.page.survey')}</h2>
      {!result || !result.shown ? (
        <p className="public-note">{t('public.page.surveyLater')}</p>
      ) : (
        <>
          <p>{t('public.page.surveyAnswers', { count: result.result.answers })}</p>
          <table className="public-table">
            <thead>
              <tr>
                <th scope="col">{t('public.page.question')}</th>
                <th scope="col">{t('public.page.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {result.result.questions
                .filter((q) => q.kind !== 'text')
                .map((q) => (
                  <tr key={q.id}>
                    <th scope="row">{text(q.text)}</th>
                    <td>
                      {q.kind === 'scale'
                        ? q.mean != null
                          ? t('public.page.mean', { mean: new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }).format(q.mean) })
                          : '—'
                        : q.kind === 'yesNo'
                          ? t('public.page.yesShare', { percent: share(q.counts.yes ?? 0, q.answered) })
                          : (q.options ?? []).map((o) => `${text(o.label)} ${share(q.counts[o.id] ?? 0, q.answered)}%`).join(' · ')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
