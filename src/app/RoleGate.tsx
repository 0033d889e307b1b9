import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Capability } from '../domain/access';
import { useMayDo } from '../services/access';

/**
 * A screen that is not for this person's roles says so in words (someone may follow an old link),
 * instead of showing data that can never sync for them.
 */
export function RoleGate({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useTranslation();
  if (useMayDo(capability)) return <>{children}</>;
  return (
    <main id="main" className="screen-narrow">
      <p className="banner" role="status">
        {t('account.notForRole')}
      </p>
      <Link href="/">{t('auth.toMap')}</Link>
    </main>
  );
}
