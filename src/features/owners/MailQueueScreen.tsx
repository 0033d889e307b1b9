import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../services/format';
import { hasRole, useSession } from '../../services/session';
import { ownersApi, type MailEntry } from './ownersApi';
import { refusalText } from './problemText';
import { useCurrentMunicipality, useOrganisations } from './useOrganisations';
import './owners.css';

type Queue = { smtpConfigured: boolean; counts: Record<MailEntry['status'], number>; mails: MailEntry[] };

/** /beheer/berichten: what was and will be mailed to owners; without SMTP the queue is kept and shown here. */
export default function MailQueueScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const municipality = useCurrentMunicipality();
  const organisations = useOrganisations();
  const allowed = hasRole(session, 'coordinator');
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!allowed) return;
    void ownersApi.mail(municipality).then((r) => (r.ok ? setQueue(r.value) : setError(refusalText(t, r))));
  }, [allowed, municipality, t]);

  if (!allowed) {
    return (
      <main className="screen owners-screen" id="main">
        <h2>{t('owners.mail.title')}</h2>
        <p className="banner banner-warn">{t('owners.notAllowed')}</p>
      </main>
    );
  }
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const orgName = (id: string | null) => (id === null ? t('owners.mail.surveyShop') : (organisations.find((o) => o.id === id)?.name ?? id));
  const detail = (m: MailEntry) => {
    if (m.status === 'sent') return t('owners.mail.sentTo', { to: m.recipients.join(', ') || '—' });
    if (m.lastError === 'no_recipients') return t('owners.mail.noRecipients');
    const next = m.status === 'queued' ? t('owners.mail.nextAttempt', { when: when(m.nextAttemptAt) }) : '';
    return [m.lastError, next].filter(Boolean).join(' · ');
  };

  return (
    <main className="screen owners-screen" id="main">
      <h2>{t('owners.mail.title')}</h2>
      <p className="muted">{t('owners.mail.intro')}</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {queue && !queue.smtpConfigured && (
        <p className="banner banner-warn" role="status">
          {t('owners.mail.noSmtp')}
        </p>
      )}
      {queue && <p data-testid="mail-counts">{t('owners.mail.counts', queue.counts)}</p>}
      {queue && queue.mails.length === 0 && <p>{t('owners.mail.empty')}</p>}
      {queue && queue.mails.length > 0 && (
        <div className="table-wrap">
          <table className="owners-table">
            <thead>
              <tr>
                <th scope="col">{t('owners.mail.colCreated')}</th>
                <th scope="col">{t('owners.mail.colKind')}</th>
                <th scope="col">{t('owners.mail.colOrganisation')}</th>
                <th scope="col">{t('owners.mail.colFindings')}</th>
                <th scope="col">{t('owners.mail.colStatus')}</th>
                <th scope="col">{t('owners.mail.colAttempts')}</th>
                <th scope="col">{t('owners.mail.colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.mails.map((m) => (
                <tr key={m.key}>
                  <td>{when(m.createdAt)}</td>
                  <td>{t(`owners.mail.kinds.${m.kind}`)}</td>
                  <td>{orgName(m.organisationId)}</td>
                  <td>{m.findingIds.length}</td>
                  <td>
                    <span className={`mail-status mail-${m.status}`}>{t(`owners.mail.statuses.${m.status}`)}</span>
                  </td>
                  <td>{m.attempts}</td>
                  <td>{detail(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
