import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../domain/account';
import { privacyApi } from './retentionApi';
import type { Refusal } from './usersApi';
import './privacyI18n';

/** Removes a person's account after a confirmation that says what stays and what goes. */
export function RemoveAccountButton({ user, onRemoved, onError }: { user: PublicUser; onRemoved: () => void; onError: (r: Refusal) => void }) {
  const { t } = useTranslation();
  async function remove() {
    if (!window.confirm(t('privacy.removeConfirm', { name: user.name }))) return;
    const r = await privacyApi.removeAccount(user.id);
    if (!r.ok) return onError(r);
    onRemoved();
  }
  return (
    <button type="button" className="btn btn-danger" onClick={() => void remove()}>
      {t('privacy.remove')}
    </button>
  );
}
