import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveyApi, type SurveyLetter, type SurveyLinks } from './surveyApi';

/** The year's links: who answered, who did not (the reminder list), letters for new shops and reminders, revoking. */
export function LinksPanel({ municipality, year, onLetters }: { municipality: string; year: number; onLetters: (letters: SurveyLetter[], reminder: boolean) => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<SurveyLinks | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = useCallback((error: string) => setMessage({ ok: false, text: error === 'offline' ? t('survey.error_offline') : t('survey.error_generic', { reason: error }) }), [t]);
  const load = useCallback(async () => {
    const r = await surveyApi.links(municipality, year);
    if (r.ok) setData(r.value);
    else fail(r.error);
  }, [municipality, year, fail]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!data) return <p>{t('survey.loading')}</p>;
  const active = data.links.filter((l) => l.status !== 'revoked');
  const answered = active.filter((l) => l.status === 'answered').length;
  const waiting = active.filter((l) => l.status === 'open' && l.open);
  const area = (id: string | null) => (id ? (data.areaNames[id] ?? id) : t('survey.outsideAreas'));

  const make = async () => {
    const r = await surveyApi.makeLinks(municipality, year);
    if (r.ok) onLetters(r.value.letters, false);
    else fail(r.error);
  };
  const remind = async () => {
    const r = await surveyApi.reissue(municipality, year, waiting.map((l) => l.id));
    if (r.ok) onLetters(r.value.letters, true);
    else fail(r.error);
  };
  const revoke = async (id: string) => {
    const r = await surveyApi.revoke(municipality, id);
    if (!r.ok) return fail(r.error);
    setMessage({ ok: true, text: t('survey.revoked') });
    await load();
  };

  return (
    <section aria-labelledby="survey-links-title">
      <h3 id="survey-links-title">{t('survey.linksTitle', { year })}</h3>
      <p>{t('survey.linksSummary', { answered, total: active.length })}</p>
      {data.withoutLink.length === 0 && active.length === 0 && <p className="banner">{t('survey.noShops')}</p>}
      {data.withoutLink.length > 0 && (
        <p>
          {t('survey.withoutLink', { count: data.withoutLink.length })}{' '}
          <button type="button" className="primary" onClick={() => void make()}>
            {t('survey.makeLinks', { count: data.withoutLink.length })}
          </button>
        </p>
      )}
      {waiting.length > 0 && (
        <p>
          <button type="button" onClick={() => void remind()}>
            {t('survey.remind', { count: waiting.length })}
          </button>{' '}
          <span className="muted">{t('survey.remindHint')}</span>
        </p>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner' : 'form-error'}>
          {message.text}
        </p>
      )}
      {data.links.length > 0 && (
        <table className="survey-links-table">
          <thead>
            <tr>
              <th>{t('survey.colShop')}</th>
              <th>{t('survey.colArea')}</th>
              <th>{t('survey.colStatus')}</th>
              <th>{t('survey.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.links.map((l) => (
              <tr key={l.id} data-status={l.status}>
                <td>
                  {l.name ?? l.shopId}
                  {l.address ? <span className="muted"> · {l.address}</span> : null}
                </td>
                <td>{area(l.areaId)}</td>
                <td>{t(`survey.status_${l.status === 'open' && l.hasDraft ? 'openDraft' : l.status}`)}</td>
                <td>
                  {l.status === 'open' && (
                    <button type="button" onClick={() => void revoke(l.id)} aria-label={`${t('survey.revoke')}: ${l.name ?? l.shopId}`}>
                      {t('survey.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
