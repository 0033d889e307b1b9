import type { TFunction } from 'i18next';
import { reasonCodes, reasonMessage, type ReasonCode } from '../../domain/reasons';
import { formatBytes } from '../../services/format';

/** The sentence shown for a refused or failed write: domain reasons in their own words, storage in ours. */
export function writeMessage(
  result: { ok: false; reason: string; used?: number | null; quota?: number | null },
  t: TFunction,
  lang: string,
): string {
  if (result.reason === 'quota_exceeded') {
    const known = typeof result.used === 'number' && typeof result.quota === 'number';
    return known
      ? t('schouw.quota', { used: formatBytes(result.used!), quota: formatBytes(result.quota!) })
      : t('schouw.quotaUnknown');
  }
  if ((reasonCodes as readonly string[]).includes(result.reason)) {
    return reasonMessage(result.reason as ReasonCode, lang === 'en' ? 'en' : 'nl');
  }
  return t('schouw.notFound');
}
