import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../domain/account';
import type { OwnerOrganisation } from '../../domain/ownerOrganisation';
import { ownersApi } from './ownersApi';
import { refusalText } from './problemText';

interface Props {
  municipality: string;
  organisations: readonly OwnerOrganisation[];
  users: readonly PublicUser[];
}

/** Which account acts for which organisation: what "Mijn acties" shows them. */
export function MembersSection({ municipality, organisations, users }: Props) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<{ userId: string; organisationId: string }[]>([]);
  const [userId, setUserId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const personId = useId();
  const orgId = useId();

  const reload = useCallback(async () => {
    const r = await ownersApi.members(municipality);
    if (r.ok) setMembers(r.value.members);
    else setError(refusalText(t, r));
  }, [municipality, t]);
  useEffect(() => void reload(), [reload]);

  async function set(user: string, organisation: string | null) {
    const r = await ownersApi.setMember(municipality, user, organisation);
    setError(r.ok ? null : refusalText(t, r));
    if (r.ok) {
      setUserId('');
      setOrganisationId('');
    }
    await reload();
  }

  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;

  return (
    <section aria-labelledby="owners-members-title">
      <h3 id="owners-members-title">{t('owners.membersTitle')}</h3>
      <p className="muted">{t('owners.membersIntro')}</p>
      <form
        className="owners-member-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId && organisationId) void set(userId, organisationId);
        }}
      >
        <div className="field">
          <label htmlFor={personId}>{t('owners.person')}</label>
          <select id={personId} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('owners.choosePerson')}</option>
            {users
              .filter((u) => !u.disabled)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={orgId}>{t('owners.organisation')}</label>
          <select id={orgId} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">{t('owners.chooseOrganisation')}</option>
            {organisations
              .filter((o) => !o.archived)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={!userId || !organisationId}>
          {t('owners.link')}
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {members.length === 0 ? (
        <p>{t('owners.noMembers')}</p>
      ) : (
        <ul className="owners-members">
          {members.map((m) => (
            <li key={m.userId}>
              {nameOf(m.userId)} — {orgName(m.organisationId)}{' '}
              <button type="button" className="btn btn-link" onClick={() => void set(m.userId, null)} aria-label={`${t('owners.unlink')}: ${nameOf(m.userId)}`}>
                {t('owners.unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
