import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { findCategory } from '../../domain/categories';
import { db } from '../../services/db';
import { useSession } from '../../services/session';
import { formatDay } from '../followup/labels';
import { ownersApi, type MyAction } from './ownersApi';
import { refusalText } from './problemText';
import { useCurrentMunicipality } from './useOrganisations';
import './owners.css';

/**
 * /mijn-acties: what the person's organisation must do, from the server (an owner's device need not
 * sync the findings), sorted by due date with overdue ones first and marked.
 */
export default function MyActionsScreen() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const municipality = useCurrentMunicipality();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const areas = useLiveQuery(() => db.areas.where('municipality').equals(municipality).toArray(), [municipality]);
  const [data, setData] = useState<{ organisation: { id: string; name: string } | null; actions: MyAction[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signedIn = session.user !== null;

  useEffect(() => {
    if (!signedIn) return;
    void ownersApi.myActions(municipality).then((r) => (r.ok ? setData(r.value) : setError(refusalText(t, r))));
  }, [signedIn, municipality, t]);

  const areaName = (id: string | null) => (id === null ? t('owners.my.outside') : (areas?.find((a) => a.id === id)?.name ?? id));

  return (
    <main className="screen owners-screen" id="main">
      <h2>{t('owners.my.title')}</h2>
      {!signedIn && <p className="banner">{t('owners.my.signIn')}</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {data && data.organisation === null && <p className="banner">{t('owners.my.notLinked')}</p>}
      {data?.organisation && (
        <>
          <p className="muted">{t('owners.my.intro', { organisation: data.organisation.name })}</p>
          {data.actions.length === 0 ? (
            <p>{t('owners.my.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="owners-table my-actions">
                <thead>
                  <tr>
                    <th scope="col">{t('owners.my.colNumber')}</th>
                    <th scope="col">{t('owners.my.colDue')}</th>
                    <th scope="col">{t('owners.my.colArea')}</th>
                    <th scope="col">{t('owners.my.colCategory')}</th>
                    <th scope="col">{t('owners.my.colStatus')}</th>
                    <th scope="col">{t('owners.my.colDescription')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.actions.map((a) => (
                    <tr key={a.id} className={a.overdue ? 'is-overdue' : undefined}>
                      <th scope="row">
                        <Link href={`/opvolging/${encodeURIComponent(a.id)}`}>{a.ref}</Link>
                      </th>
                      <td>
                        {a.dueDate ? formatDay(a.dueDate, lang) : t('owners.my.noDue')}
                        {a.overdue && <strong className="fu-overdue"> {t('owners.my.overdue')}</strong>}
                      </td>
                      <td>{areaName(a.areaId)}</td>
                      <td>{findCategory(a.categoryCode)?.category.labels[lang] ?? a.categoryCode}</td>
                      <td>{t(`followup.statuses.${a.status}`)}</td>
                      <td>{a.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </main>
  );
}
