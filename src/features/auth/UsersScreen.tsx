import { useCallback, useEffect, useId, useState } from 'react';
import { CopyLink, formatLongDate } from './CopyLink';
import { OpenInvites } from './OpenInvites';
import { UserExtras } from './UserExtras';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../domain/account';
import { roles as allRoles, type Role } from '../../domain/findingStatus';
import { useSession } from '../../services/session';
import { mayDo } from '../../services/access';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
import { errorText } from './errorText';
import { RemoveAccountButton } from './RemoveAccountButton';
import { RetentionPanel } from './RetentionPanel';
import { usersApi, type Refusal } from './usersApi';
import './auth.css';
import './privacyI18n';

/** /beheer/gebruikers: invite, list, change roles, disable/enable, and the partners' view switch. */
export default function UsersScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const [users, setUsers] = useState<PublicUser[] | null>(null);
  const [partnersPublic, setPartnersPublic] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const allowed = mayDo(session, 'manageUsers');
  const [invitesVersion, setInvitesVersion] = useState(0);
  const done = useCallback((text: string) => setMessage({ text, error: false }), []);
  // The municipality on screen: invites, roles and retention are per municipality (SPEC.md R30).
  const municipality = useAppData(useOnline()).config?.municipality.id;

  const report = useCallback((r: Refusal) => setMessage({ text: errorText(t, r), error: true }), [t]);
  const reload = useCallback(async () => {
    const [list, settings] = await Promise.all([usersApi.list(), usersApi.settings()]);
    if (list.ok) setUsers(list.value.users);
    else report(list);
    if (settings.ok) setPartnersPublic(settings.value.partnersPublic);
  }, [report]);

  useEffect(() => {
    if (allowed) void reload();
  }, [allowed, reload]);

  if (!allowed) {
    return (
      <main className="screen users-screen" id="main">
        <h2>{t('auth.users.title')}</h2>
        <p className="banner banner-warn">{t('auth.users.notAllowed')}</p>
      </main>
    );
  }

  async function change(user: PublicUser, patch: { roles?: Role[]; disabled?: boolean }) {
    const r = await usersApi.update(user.id, patch.roles && municipality ? { ...patch, municipality } : patch);
    if (!r.ok) return report(r);
    setMessage({ text: t('auth.users.saved'), error: false });
    setUsers((us) => us?.map((u) => (u.id === user.id ? r.value.user : u)) ?? null);
  }

  function saved(user: PublicUser) {
    setMessage({ text: t('auth.users.saved'), error: false });
    setUsers((us) => us?.map((u) => (u.id === user.id ? user : u)) ?? null);
  }

  async function togglePublic(next: boolean) {
    const r = await usersApi.setPartnersPublic(next);
    if (!r.ok) return report(r);
    setPartnersPublic(r.value.partnersPublic);
  }

  return (
    <main className="screen users-screen" id="main">
      <h2>{t('auth.users.title')}</h2>
      <p className="muted">{t('auth.users.intro')}</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'auth-error' : 'banner'}>
          {message.text}
        </p>
      )}
      <InviteForm onError={report} onCreated={() => setInvitesVersion((n) => n + 1)} municipality={municipality} />
      <OpenInvites version={invitesVersion} onError={report} onDone={done} />
      <section aria-labelledby="users-list-title">
        <h3 id="users-list-title">{t('auth.users.listTitle')}</h3>
        {!users ? (
          <p>{t('auth.users.loading')}</p>
        ) : (
          <div className="table-wrap">
            <table className="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('auth.users.colName')}</th>
                  <th scope="col">{t('auth.users.colLogin')}</th>
                  <th scope="col">{t('auth.users.colRoles')}</th>
                  <th scope="col">{t('auth.users.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    municipality={municipality}
                    isMe={u.id === session.user?.id}
                    onChange={change}
                    onSaved={saved}
                    onRemoved={() => {
                      setMessage({ text: t('privacy.removed'), error: false });
                      void reload();
                    }}
                    onError={report}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="partners-title">
        <h3 id="partners-title">{t('auth.users.partnersTitle')}</h3>
        <label className="toggle">
          <input type="checkbox" checked={partnersPublic ?? false} disabled={partnersPublic === null} onChange={(e) => void togglePublic(e.target.checked)} />
          {t('auth.users.partnersPublic')}
        </label>
        <p className="muted">{t('auth.users.partnersHint')}</p>
      </section>
      {municipality && <RetentionPanel municipality={municipality} />}
    </main>
  );
}

function RoleChoices({ value, onChange, legend, showLegend = false }: { value: Role[]; onChange: (roles: Role[]) => void; legend: string; showLegend?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="role-choices">
      <legend className={showLegend ? 'role-legend' : 'visually-hidden'}>{legend}</legend>
      {allRoles.map((r) => (
        <label key={r}>
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((x) => x !== r))} />
          {t(`auth.roles.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}

function InviteForm({ onError, onCreated, municipality }: { onError: (r: Refusal) => void; onCreated: () => void; municipality: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(['schouwer']);
  const [days, setDays] = useState(7);
  const [invite, setInvite] = useState<{ link: string; roles: Role[]; expiresAt: string } | null>(null);
  const daysId = useId();

  async function create() {
    const r = await usersApi.invite(roles, days, municipality);
    if (!r.ok) return onError(r);
    // Built here from the address the coordinator uses, so a proxy's internal host never leaks into it.
    setInvite({ link: `${window.location.origin}/uitnodiging#${r.value.token}`, roles: r.value.roles, expiresAt: r.value.expiresAt });
    onCreated();
  }

  return (
    <section aria-labelledby="invite-title">
      <h3 id="invite-title">{t('auth.users.inviteTitle')}</h3>
      <RoleChoices value={roles} onChange={setRoles} legend={t('auth.users.inviteRoles')} showLegend />
      <div className="field" style={{ maxWidth: '12rem' }}>
        <label htmlFor={daysId}>{t('auth.users.inviteDays')}</label>
        <input id={daysId} type="number" min={1} max={30} value={days} onChange={(e) => setDays(Math.min(30, Math.max(1, Number(e.target.value) || 1)))} />
      </div>
      {roles.length === 0 && <p className="muted">{t('auth.users.needRole')}</p>}
      <button type="button" className="btn btn-primary" disabled={roles.length === 0} onClick={() => void create()}>
        {t('auth.users.inviteCreate')}
      </button>
      {invite && (
        <CopyLink
          label={t('auth.users.inviteLink', {
            roles: invite.roles.map((r) => t(`auth.roles.${r}`)).join(', '),
            date: formatLongDate(invite.expiresAt, i18n.language),
          })}
          link={invite.link}
        />
      )}
    </section>
  );
}

function UserRow(props: {
  user: PublicUser;
  municipality: string | undefined;
  isMe: boolean;
  onChange: (u: PublicUser, p: { roles?: Role[]; disabled?: boolean }) => Promise<void>;
  onSaved: (u: PublicUser) => void;
  onRemoved: () => void;
  onError: (r: Refusal) => void;
}) {
  const { user, municipality, isMe, onChange, onRemoved, onError } = props;
  const { t } = useTranslation();
  // The roles held in the municipality on screen; a person may hold others elsewhere.
  const held = (municipality && user.municipalities?.[municipality]) || user.roles;
  const [roles, setRoles] = useState<Role[]>(held);
  const dirty = roles.length !== held.length || roles.some((r) => !held.includes(r));
  if (user.removed) {
    return (
      <tr>
        <td>{user.name}</td>
        <td />
        <td />
        <td>
          <p className="tag-disabled">{t('privacy.removedTag')}</p>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        {user.name} {isMe && <span className="muted">{t('auth.users.you')}</span>}
        <UserExtras user={user} onSaved={props.onSaved} onError={props.onError} />
      </td>
      <td>{user.login}</td>
      <td>
        <RoleChoices value={roles} onChange={setRoles} legend={t('auth.users.rolesOf', { name: user.name })} />
        {dirty && (
          <button type="button" className="btn" disabled={roles.length === 0} onClick={() => void onChange(user, { roles })}>
            {t('auth.users.saveRoles')}
          </button>
        )}
      </td>
      <td>
        <p className={user.disabled ? 'tag-disabled' : undefined}>{user.disabled ? t('auth.users.disabled') : t('auth.users.active')}</p>
        {/* Not for yourself: one click would lock you out (the server also keeps the last coordinator). */}
        {!isMe && (
          <button type="button" className={user.disabled ? 'btn' : 'btn btn-danger'} onClick={() => void onChange(user, { disabled: !user.disabled })}>
            {user.disabled ? t('auth.users.enable') : t('auth.users.disable')}
          </button>
        )}
        {!isMe && <RemoveAccountButton user={user} onRemoved={onRemoved} onError={onError} />}
      </td>
    </tr>
  );
}
