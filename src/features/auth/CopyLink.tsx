import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A one-time link to pass on (an invite, a password reset): shown selected-on-focus, with a copy button. */
export function CopyLink({ label, link }: { label: string; link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="note" style={{ marginTop: '.8rem' }}>
      <label htmlFor={id}>{label}</label>
      <div className="invite-link">
        <input id={id} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? t('auth.users.copied') : t('auth.users.copy')}
        </button>
      </div>
    </div>
  );
}

export function formatLongDate(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' });
}
