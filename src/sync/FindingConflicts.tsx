import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { SchouwDb } from '../storage/db';
import { knownRecord } from './apply';
import './i18nRegister';

/**
 * R13: when two devices changed the same field, the later arrival won; this shows the value that
 * lost, so the person can decide whether to put it back. Place it in a finding's detail view.
 */
export function FindingConflicts({ db, findingId }: { db: SchouwDb; findingId: string }) {
  const { t } = useTranslation();
  const known = useLiveQuery(() => knownRecord(db, 'findings', findingId), [db, findingId]);
  const conflicts = known?.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <section className="sync-conflicts" aria-label={t('sync.conflicts.title')}>
      <h3>{t('sync.conflicts.title')}</h3>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.field}-${c.revision}`}>
            {t('sync.conflicts.item', { field: t(`sync.fields.${c.field}`, { defaultValue: t('sync.fields.other') }), lost: show(c.lost), won: show(c.won) })}
          </li>
        ))}
      </ul>
      <p>{t('sync.conflicts.hint')}</p>
    </section>
  );
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
