import { useTranslation } from 'react-i18next';
import { reasonCodes, reasonMessage, type ReasonCode } from '../domain/reasons';
import type { OutboxEntry, SchouwDb } from '../storage/db';

/** "/changes/description" → "description": the name a person can find in the values listed below. */
function fieldName(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return (parts[0] === 'changes' ? parts.slice(1) : parts).join(' › ') || pointer;
}

/**
 * The changes the server refused (SPEC.md R8, R21): kept on the device with their reason and the
 * values the person typed, until the person has seen them. Nothing is dropped without them.
 */
export function RejectedChanges({ db, entries }: { db: SchouwDb; entries: OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const reason = (code = '') =>
    (reasonCodes as readonly string[]).includes(code)
      ? reasonMessage(code as ReasonCode, lang)
      : t(`sync.reasons.${code}`, { defaultValue: t('sync.reasons.unknown') });
  return (
    <div className="sync-rejected">
      <p>{t('sync.rejectedIntro')}</p>
      <p>{t('sync.whatToDo')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.mutationId}>
            <strong>
              {t(`sync.tables.${e.table}`)} {e.recordId.slice(-6)}
            </strong>
            : {reason(e.reason)}
            {e.field ? <div className="sync-rejected-field">{t('sync.field', { field: fieldName(e.field) })}</div> : null}
            <dl>
              {Object.entries(e.changes)
                .filter(([k]) => k !== 'updatedAt')
                .slice(0, 8)
                .map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                  </div>
                ))}
            </dl>
            <button type="button" onClick={() => void db.outbox.delete(e.seq!)}>
              {t('sync.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
