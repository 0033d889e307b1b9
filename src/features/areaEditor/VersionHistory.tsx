import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaApi, type AreaVersionInfo } from './api';
import { useActorNames } from '../../services/people';
import { isProposalReason } from './proposal';

interface Props {
  municipality: string;
  areaId: string;
  /** Changes after every save, to reload the list. */
  reloadKey: number;
  onRestore: (version: number) => void;
  busy: boolean;
}

const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** The area's versions, newest first: who, when, why; every older one can be restored (as a new version). */
export function VersionHistory({ municipality, areaId, reloadKey, onRestore, busy }: Props) {
  const { t } = useTranslation();
  const who = useActorNames();
  const [versions, setVersions] = useState<AreaVersionInfo[] | null>(null);
  const [error, setError] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void areaApi.versions(municipality, areaId).then((r) => {
      if (!live) return;
      if (r.ok) {
        setVersions(r.value.versions);
        setError(null);
      } else setError(r.status);
    });
    return () => {
      live = false;
    };
  }, [municipality, areaId, reloadKey]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title">{t('areaEditor.history')}</h3>
      {error !== null && <p className="muted">{error === 401 || error === 403 ? t('areaEditor.coordinatorOnly') : t('areaEditor.offline')}</p>}
      {versions && versions.length === 0 && <p className="muted">{t('areaEditor.historyEmpty')}</p>}
      <ol className="version-list" reversed>
        {versions?.map((v, i) => (
          <li key={v.version} data-version={v.version}>
            <div className="version-head">
              <strong>{t('areaEditor.version', { version: v.version })}</strong>{' '}
              <span>{t(`areaEditor.actions.${v.action}`, { from: v.restoredFrom ?? '' })}</span>
              {v.action !== 'loaded' && <span className="muted"> {t('areaEditor.by', { who: who(v.actorId) })}</span>}
              {v.action !== 'loaded' && <span className="muted"> · {when.format(new Date(v.createdAt))}</span>}
              {isProposalReason(v.reason) && <span className="badge proposal-badge"> {t('areaEditor.proposal.history')}</span>}
            </div>
            {v.reason && <div className="version-reason">“{v.reason}”</div>}
            {i === 0 ? (
              <div className="muted">{t('areaEditor.current')}</div>
            ) : (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => onRestore(v.version)}>
                {t('areaEditor.restore', { version: v.version })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
