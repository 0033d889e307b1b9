import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenInvite } from '../../domain/account';
import { formatDateTime } from '../../services/format';
import { usersApi, type Refusal } from './usersApi';

/** The invites that can still be used, each with "Intrekken" (the link stops working at once). `version` reloads the list. */
export function OpenInvites({ version, onError, onDone }: { version: number; onError: (r: Refusal) => void; onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [invites, setInvites] = useState<OpenInvite[] | null>(null);
  const [again, setAgain] = useState(0);

  useEffect(() => {
    let alive = true;
    void usersApi.invites().then((r) => {
      if (!alive) return;
      if (r.ok) setInvites(r.value.invites);
      else onError(r);
    });
    return () => {
      alive = false;
    };
  }, [version, again, onError]);

  async function revoke(id: string) {
    const r = await usersApi.revokeInvite(id);
    if (!r.ok) return onError(r);
    onDone(t('account.revoked'));
    setAgain((n) => n + 1);
  }

  return (
    <section aria-labelledby="open-invites-title">
      <h3 id="open-invites-title">{t('account.invitesTitle')}</h3>
      {invites === null ? (
        <p>…</p>
      ) : invites.length === 0 ? (
        <p className="muted">{t('account.invitesNone')}</p>
      ) : (
        <ul className="open-invites">
          {invites.map((inv) => {
            const roles = inv.roles.map((r) => t(`auth.roles.${r}`)).join(', ');
            const created = formatDateTime(inv.createdAt, i18n.language);
            return (
              <li key={inv.id}>
                <span>{t('account.inviteRow', { roles, created, expires: formatDateTime(inv.expiresAt, i18n.language) })}</span>
                <button type="button" className="btn btn-danger" aria-label={t('account.revokeLabel', { roles, created })} onClick={() => void revoke(inv.id)}>
                  {t('account.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
