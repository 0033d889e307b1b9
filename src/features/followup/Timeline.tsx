import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../services/format';
import type { FindingCommand } from '../../domain/findingStatus';
import type { HistoryLine } from './historyText';

/** Who did it, in words: this device's own actor is "dit apparaat"; others are shown as they sync. */
function who(by: string, me: string | undefined, self: string): string {
  return by === me ? self : by.replace(/^device:/, '');
}

/** The finding's history, oldest first: when, what, before → after, the note. */
export function Timeline({ lines, me }: { lines: readonly HistoryLine[]; me: string | undefined }) {
  const { t, i18n } = useTranslation();
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
            <span className="fu-by">{t('followup.by', { who: who(l.by, me, t('followup.thisDevice')) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Comments are events too; this shows them together and adds new ones. */
export function Comments({ lines, me, run }: { lines: readonly HistoryLine[]; me: string | undefined; run: (c: FindingCommand) => Promise<string | null> }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function post(e: React.FormEvent) {
    e.preventDefault();
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
                {formatDateTime(l.at, i18n.language)} · {t('followup.by', { who: who(l.by, me, t('followup.thisDevice')) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void post(e)} className="fu-comment-form">
        <label className="field">
          {t('followup.comment')}
          <input type="text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="btn">
          {t('followup.addComment')}
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
