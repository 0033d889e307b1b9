import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDb } from '../services/useDbLiveQuery';
import { formatDateTime } from '../services/format';
import { startAppSync } from './syncEngine';
import { useSession } from '../services/session';
import { useMayDo } from '../services/access';
import './i18nRegister';
import { RejectedChanges } from './RejectedChanges';
import { syncNow } from './status';
import { useSyncStatus } from './useSyncStatus';

/** In the header: pending changes, last successful sync, state, and any refused change (R21). */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const s = useSyncStatus();
  useEffect(() => {
    void startAppSync();
  }, []);
  const { user } = useSession();
  const maySync = useMayDo('sync');
  // A partner's device never syncs (R23a): no pill, no button, no error that nobody can fix.
  if (user && !maySync) return null;
  // A device on which nobody ever logged in is not "logged out": it simply keeps everything locally.
  const noAccount = !user && (s.state === 'logged_out' || s.state === 'idle');
  const label = noAccount
    ? t('sync.state.no_account')
    : s.state === 'idle' && s.pending > 0
      ? t('sync.state.pending', { count: s.pending })
      : t(`sync.state.${s.state}`);
  return (
    <div className={`sync-status sync-${s.state}`}>
      <span className="pill" role="status" title={s.lastSuccess ? t('sync.lastSuccess', { time: formatDateTime(s.lastSuccess, i18n.language) }) : t('sync.never')}>
        {label}
      </span>
      {!noAccount && (
        <button type="button" className="sync-now" onClick={syncNow} disabled={s.state === 'syncing'}>
          {t('sync.syncNow')}
        </button>
      )}
      {db && s.rejected.length > 0 && (
        <details className="sync-rejected-list">
          <summary>{t('sync.rejected', { count: s.rejected.length })}</summary>
          <RejectedChanges db={db} entries={s.rejected} />
        </details>
      )}
    </div>
  );
}
