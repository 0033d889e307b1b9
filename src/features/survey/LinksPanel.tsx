import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactCell, ContactsUpload, MailCell } from './MailingParts';
import { surveyApi, type SurveyLetter, type SurveyLinks, type SurveyMailing } from './surveyApi';

/** The year's links: who answered, who did not (the reminder list), letters for new shops and reminders, revoking. */
export function LinksPanel({ municipality, year, onLetters }: { municipality: string; year: number; onLetters: (letters: SurveyLetter[], reminder: boolean) => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<SurveyLinks | null>(null);
  const [mailing, setMailing] = useState<SurveyMailing | null>(null);
  const [closesOn, setClosesOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = useCallback((error: string) => setMessage({ ok: false, text: error === 'offline' ? t('survey.error_offline') : t('survey.error_generic', { reason: error }) }), [t]);
  const load = useCallback(async () => {
    const [r, mails] = await Promise.all([surveyApi.links(municipality, year), surveyApi.mailing(municipality, year)]);
    if (r.ok) setData(r.value);
    else fail(r.error);
    if (mails.ok) setMailing(mails.value);
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
  const email = new Map((mailing?.contacts ?? []).map((c) => [c.shopId, c.email]));
  // Send the links by mail (reminder false) or a reminder: mails where there is an address, letters for the rest.
  const sendMail = async (reminder: boolean) => {
    setBusy(true);
    const r = await surveyApi.sendMail(municipality, year, reminder, closesOn);
    setBusy(false);
    if (!r.ok) return fail(r.error === 'invalid_date' ? t('survey.mail.badDate') : r.error);
    await load();
    setMessage({ ok: true, text: t(reminder ? 'survey.mail.reminded' : 'survey.mail.sent', { count: r.value.queued, letters: r.value.letters.length }) });
    if (r.value.letters.length > 0) onLetters(r.value.letters, reminder);
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
      <div className="survey-mailing">
        <h4>{t('survey.mail.title')}</h4>
        <p className="muted">{t('survey.mail.intro')}</p>
        {mailing && !mailing.smtpConfigured && <p className="banner banner-warn">{t('survey.mail.noSmtp')}</p>}
        <p>
          <label>
            {t('survey.mail.closesOn')} <input type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />
          </label>{' '}
          <button type="button" className="primary" disabled={busy} onClick={() => void sendMail(false)}>
            {t('survey.mail.send')}
          </button>
        </p>
        <p className="muted">{t('survey.mail.sendHint')}</p>
        {waiting.length > 0 && (
          <p>
            <button type="button" disabled={busy} onClick={() => void sendMail(true)}>
              {t('survey.mail.remind', { count: waiting.length })}
            </button>{' '}
            <span className="muted">{t('survey.remindHint')}</span>
          </p>
        )}
        <ContactsUpload municipality={municipality} onDone={load} />
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner' : 'form-error'}>
          {message.text}
        </p>
      )}
      {(data.links.length > 0 || data.withoutLink.length > 0) && (
        <table className="survey-links-table">
          <thead>
            <tr>
              <th>{t('survey.colShop')}</th>
              <th>{t('survey.colArea')}</th>
              <th>{t('survey.colStatus')}</th>
              <th>{t('survey.mail.colEmail')}</th>
              <th>{t('survey.mail.colMail')}</th>
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
                <td>{l.open && l.status !== 'revoked' ? <ContactCell municipality={municipality} shopId={l.shopId} shopName={l.name ?? l.shopId} email={email.get(l.shopId) ?? null} onChanged={load} /> : null}</td>
                <td>
                  <MailCell mail={mailing?.mails[l.id]} />
                </td>
                <td>
                  {l.status === 'open' && (
                    <button type="button" onClick={() => void revoke(l.id)} aria-label={`${t('survey.revoke')}: ${l.name ?? l.shopId}`}>
                      {t('survey.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {data.withoutLink.map((s) => (
              <tr key={`shop-${s.shopId}`} data-status="none">
                <td>
                  {s.name}
                  {s.address ? <span className="muted"> · {s.address}</span> : null}
                </td>
                <td>{area(s.areaId)}</td>
                <td>{t('survey.mail.noLink')}</td>
                <td>
                  <ContactCell municipality={municipality} shopId={s.shopId} shopName={s.name} email={email.get(s.shopId) ?? null} onChanged={load} />
                </td>
                <td>
                  <MailCell mail={undefined} />
                </td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
