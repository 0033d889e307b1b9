import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../domain/account';
import { CopyLink, formatLongDate } from './CopyLink';
import { usersApi, type Refusal } from './usersApi';

/** Per account: the organisation (shown with the name in histories) and a one-time password-reset link. */
export function UserExtras({ user, onSaved, onError }: { user: PublicUser; onSaved: (u: PublicUser) => void; onError: (r: Refusal) => void }) {
  const { t, i18n } = useTranslation();
  const [organisation, setOrganisation] = useState(user.organisation ?? '');
  const [reset, setReset] = useState<{ link: string; expiresAt: string } | null>(null);
  const orgId = useId();

  async function saveOrganisation() {
    const r = await usersApi.update(user.id, { organisation });
    if (r.ok) onSaved(r.value.user);
    else onError(r);
  }

  async function makeResetLink() {
    const r = await usersApi.resetLink(user.id);
    if (!r.ok) return onError(r);
    // Built from the address the coordinator uses, like an invite link.
    setReset({ link: `${window.location.origin}/wachtwoord-herstellen#${r.value.token}`, expiresAt: r.value.expiresAt });
  }

  return (
    <div className="user-extra">
      <div className="field">
        <label htmlFor={orgId}>{t('account.organisationOf', { name: user.name })}</label>
        <input id={orgId} value={organisation} maxLength={120} onChange={(e) => setOrganisation(e.target.value)} />
      </div>
      {organisation.trim() !== (user.organisation ?? '') && (
        <button type="button" className="btn" onClick={() => void saveOrganisation()}>
          {t('account.saveOrganisation')}
        </button>
      )}
      {!user.disabled && (
        <button type="button" className="btn" onClick={() => void makeResetLink()}>
          {t('account.resetLink')}
        </button>
      )}
      {reset && <CopyLink label={t('account.resetLinkFor', { name: user.name, date: formatLongDate(reset.expiresAt, i18n.language) })} link={reset.link} />}
    </div>
  );
}
