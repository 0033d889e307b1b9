import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { SyncStatus } from '../sync/SyncStatus';
import { useSyncStatus } from '../sync/useSyncStatus';
import { SessionBadge } from './SessionBadge';
import { StorageStatus } from '../features/offline/StorageStatus';
import { setLanguage, languages, type Language } from '../services/i18n';
import { useSession } from '../services/session';
import { mayShow } from '../services/access';
import { itemsFor, shellItems, type ShellItem } from './shellItems';
import { setContrast, useContrast } from './theme';

/**
 * The header's menu: account, sync details, storage, management links, language and theme. The panel
 * stays mounted while closed (hidden), because the sync status starts the sync engine and the
 * storage status asks for persistent storage on start.
 */
export function ShellMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [location] = useLocation();
  const session = useSession();
  const sync = useSyncStatus();
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A new screen closes the menu (a link in it was followed).
  const [seen, setSeen] = useState(location);
  if (seen !== location) {
    setSeen(location);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const items = itemsFor(shellItems, 'menu', (c) => mayShow(session, c));
  const attention = sync.rejected.length;

  return (
    <div className="shell-menu" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        title={t('shell.menuTitle')}
      >
        <span aria-hidden="true" className="menu-icon">☰</span> {t('shell.menu')}
        {attention > 0 && (
          <span className="menu-badge" aria-label={t('shell.attention', { count: attention })}>
            {attention}
          </span>
        )}
      </button>
      <div id={panelId} className="menu-panel" hidden={!open} role="region" aria-label={t('shell.menuTitle')}>
        {items.map((item) => (
          <MenuItem key={item.id} item={item} />
        ))}
      </div>
    </div>
  );
}

function MenuItem({ item }: { item: ShellItem }) {
  const { t } = useTranslation();
  if (item.kind === 'link') {
    return (
      <Link href={item.href} className="menu-link">
        {t(item.labelKey)}
      </Link>
    );
  }
  switch (item.id) {
    case 'account':
      return (
        <Section title={t('shell.account')}>
          <SessionBadge />
        </Section>
      );
    case 'sync':
      return (
        <Section title={t('shell.sync')}>
          <SyncStatus />
        </Section>
      );
    case 'storage':
      return (
        <Section title={t('shell.device')}>
          <StorageStatus />
        </Section>
      );
    case 'language':
      return <LanguageSelect />;
    case 'contrast':
      return <ContrastSwitch />;
  }
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="menu-section">
      <h2 className="menu-heading">{title}</h2>
      {children}
    </section>
  );
}

function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="menu-row">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {l === 'nl' ? 'Nederlands' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}

function ContrastSwitch() {
  const { t } = useTranslation();
  const on = useContrast();
  return (
    <label className="menu-row menu-check">
      <input type="checkbox" checked={on} onChange={(e) => setContrast(e.target.checked)} />
      <span>{t('shell.contrast')}</span>
    </label>
  );
}
