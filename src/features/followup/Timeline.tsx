import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../services/format';
import type { FindingCommand } from '../../domain/findingStatus';
import type { HistoryLine } from './historyText';
import { useActorNames } from '../../services/people';


/** The finding's history, oldest first: when, what, before → after, the note. */
export function Timeline({ lines }: { lines: readonly HistoryLine[] }) {
  const { t, i18n } = useTranslation();
  // A name from the people directory; "dit apparaat" only while the change waits in this device's outbox.
  const who = useActorNames();
  return (
    <section className="fu-timeline" aria-labelledby="fu-history-title">
      <h3 id="fu-history-title">{t('followup.history')}</h3>
      <ol>
        {lines.map((l) => (
          <li key={l.id}>
            <time dateTime={l.at}>{formatDateTime(l.at, i18n.language)}</time>
            <span className="fu-what">{l.what}</span>
            {(l.before !== null || l.after !== null) && (
              <span className="fu-change">
                {l.before ?? '—'} <span aria-hidden="true">→</span>
                <span className="visually-hidden">{i18n.language === 'en' ? ' to ' : ' naar '}</span> {l.after ?? '—'}
              </span>
            )}
            {l.note && <q className="fu-note">{l.note}</q>}
            <span className="fu-by">{t('followup.by', { who: who(l.by, l.id) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Comments are events too; this shows them together and adds new ones. */
/** `run` null: this person's roles do not comment (follow-up is the wijkbeheerder's); the list still shows. */
export function Comments({ lines, run }: { lines: readonly HistoryLine[]; run: ((c: FindingCommand) => Promise<string | null>) | null }) {
  const { t, i18n } = useTranslation();
  const who = useActorNames();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function post(e: React.FormEvent) {
    e.preventDefault();
    if (!run) return;
    const err = await run({ kind: 'comment', text });
    setError(err);
    if (!err) setText('');
  }
  return (
    <section className="fu-comments" aria-labelledby="fu-comments-title">
      <h3 id="fu-comments-title">{t('followup.comments')}</h3>
      {lines.length === 0 ? (
        <p className="muted">{t('followup.noComments')}</p>
      ) : (
        <ul>
          {lines.map((l) => (
            <li key={l.id}>
              <p>{l.note}</p>
              <span className="muted">
                {formatDateTime(l.at, i18n.language)} · {t('followup.by', { who: who(l.by, l.id) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {run && (
        <form onSubmit={(e) => void post(e)} className="fu-comment-form">
          <label className="field">
            {t('followup.comment')}
            <input type="text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            {t('followup.addComment')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
