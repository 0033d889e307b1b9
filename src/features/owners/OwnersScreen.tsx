import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../domain/account';
import type { OrganisationInput, OwnerOrganisation } from '../../domain/ownerOrganisation';
import { db } from '../../services/db';
import { hasRole, useSession } from '../../services/session';
import { replaceOrganisations } from '../../storage/ownersRepo';
import { MembersSection } from './MembersSection';
import { OrganisationForm } from './OrganisationForm';
import { ownersApi } from './ownersApi';
import { refusalText } from './problemText';
import { useCurrentMunicipality } from './useOrganisations';
import './owners.css';

/** /beheer/eigenaren: the coordinator keeps the owner organisations, their addresses and their people. */
export default function OwnersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const municipality = useCurrentMunicipality();
  const allowed = hasRole(session, 'coordinator');
  const [organisations, setOrganisations] = useState<OwnerOrganisation[] | null>(null);
  const [users, setUsers] = useState<PublicUser[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const reload = useCallback(async () => {
    const [list, people] = await Promise.all([ownersApi.list(municipality), ownersApi.users()]);
    if (!list.ok) return setMessage({ text: refusalText(t, list), error: true });
    setOrganisations(list.value.organisations);
    // The coordinator's own device follows at once, without waiting for the next sync.
    await replaceOrganisations(db, municipality, list.value.organisations);
    if (people.ok) setUsers(people.value.users);
  }, [municipality, t]);

  useEffect(() => {
    if (allowed) void reload();
  }, [allowed, reload]);

  if (!allowed) {
    return (
      <main className="screen owners-screen" id="main">
        <h2>{t('owners.title')}</h2>
        <p className="banner banner-warn">{t('owners.notAllowed')}</p>
      </main>
    );
  }

  async function create(input: OrganisationInput): Promise<string | null> {
    const r = await ownersApi.create(municipality, input);
    if (!r.ok) return refusalText(t, r);
    setMessage({ text: t('owners.added', { name: r.value.organisation.name }), error: false });
    await reload();
    return null;
  }

  async function update(id: string, patch: Partial<OrganisationInput> & { archived?: boolean }): Promise<string | null> {
    const r = await ownersApi.update(municipality, id, patch);
    if (!r.ok) return refusalText(t, r);
    setMessage({ text: t('owners.saved'), error: false });
    setEditing(null);
    await reload();
    return null;
  }

  return (
    <main className="screen owners-screen" id="main">
      <h2>{t('owners.title')}</h2>
      <p className="muted">{t('owners.intro')}</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'banner'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="owners-list-title">
        <h3 id="owners-list-title">{t('owners.listTitle')}</h3>
        {!organisations ? (
          <p>{t('owners.loading')}</p>
        ) : (
          <div className="table-wrap">
            <table className="owners-table">
              <thead>
                <tr>
                  <th scope="col">{t('owners.colName')}</th>
                  <th scope="col">{t('owners.colEmails')}</th>
                  <th scope="col">{t('owners.colStatus')}</th>
                  <th scope="col">{t('owners.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((o) =>
                  editing === o.id ? (
                    <tr key={o.id}>
                      <td colSpan={4}>
                        <OrganisationForm
                          title={t('owners.editTitle', { name: o.name })}
                          submitLabel={t('owners.save')}
                          initial={{ name: o.name, emails: o.emails }}
                          onSubmit={(input) => update(o.id, input)}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={o.id} className={o.archived ? 'muted' : undefined}>
                      <th scope="row">{o.name}</th>
                      <td>{o.emails.length > 0 ? o.emails.join(', ') : <em>{t('owners.noEmails')}</em>}</td>
                      <td>{o.archived ? t('owners.archived') : t('owners.active')}</td>
                      <td className="owners-actions">
                        <button type="button" className="btn" onClick={() => setEditing(o.id)} aria-label={`${t('owners.edit')}: ${o.name}`}>
                          {t('owners.edit')}
                        </button>
                        <button
                          type="button"
                          className="btn"
                          onClick={() => void update(o.id, { archived: !o.archived }).then((e) => e && setMessage({ text: e, error: true }))}
                          aria-label={`${o.archived ? t('owners.restore') : t('owners.archive')}: ${o.name}`}
                        >
                          {o.archived ? t('owners.restore') : t('owners.archive')}
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <OrganisationForm title={t('owners.addTitle')} submitLabel={t('owners.add')} onSubmit={create} />
      {organisations && <MembersSection municipality={municipality} organisations={organisations} users={users} />}
    </main>
  );
}
