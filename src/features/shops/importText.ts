import type { TFunction } from 'i18next';
import type { ImportError } from '../../domain/shopImport';
import type { Shop } from '../../domain/shop';

/** One bad cell in Dutch (or English) words: "naam: de naam ontbreekt". */
export function importErrorText(t: TFunction, e: ImportError, existing: readonly Shop[]): string {
  const name = e.existingShopId ? (existing.find((s) => s.id === e.existingShopId)?.name ?? e.existingShopId) : '';
  const reason = t(`shops.import.reasons.${e.reason}`, { value: e.value ?? '', row: e.duplicateOfRow ?? '', name });
  return `${e.column}: ${reason}`;
}
