import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow, ShopImportPreview } from '../../domain/shopImport';
import type { Shop } from '../../domain/shop';
import { importErrorText } from './importText';

interface Props {
  preview: ShopImportPreview;
  existing: readonly Shop[];
  areaOf: (shop: Shop) => string | null;
  /** Rows with only an address: what the geocoder found and the choice (AddressMatch). */
  renderAddress?: (row: ImportRow) => ReactNode;
}

const order = { error: 0, address: 1, ok: 2 } as const;

/** Per row the result; for a bad row its number, column and reason. Bad rows first, so they are seen. */
export function ImportPreviewTable({ preview, existing, areaOf, renderAddress }: Props) {
  const { t } = useTranslation();
  const rows = [...preview.rows].sort((a, b) => (a.status === b.status ? a.row - b.row : order[a.status] - order[b.status]));
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('shops.import.result')}>
      <table className="data-table import-preview">
        <thead>
          <tr>
            <th scope="col">{t('shops.import.row')}</th>
            <th scope="col">{t('shops.import.result')}</th>
            <th scope="col">{t('shops.import.shop')}</th>
            <th scope="col">{t('shops.import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className={r.status === 'error' ? 'row-bad' : r.status === 'address' ? 'row-address' : 'row-ok'} data-row={r.row}>
              <th scope="row">{r.row}</th>
              <td>
                <span className={`tag ${r.status === 'error' ? 'tag-bad' : r.status === 'address' ? 'tag-address' : 'tag-ok'}`}>
                  {r.status === 'error' ? `✗ ${t('shops.import.bad')}` : r.status === 'address' ? `⌂ ${t('shops.import.address')}` : `✓ ${t('shops.import.ok')}`}
                </span>
              </td>
              <td>
                {r.shop ? (
                  <>
                    {r.shop.name}
                    <span className="muted"> {areaOf(r.shop) ? t('shops.import.inArea', { area: areaOf(r.shop) }) : t('shops.import.outsideAreas')}</span>
                    {!r.shop.open && <span className="tag tag-closed">{t('shops.register.closed')}</span>}
                  </>
                ) : r.draft ? (
                  <>
                    {r.draft.name} <span className="muted">{r.draft.address}</span>
                  </>
                ) : null}
              </td>
              <td>
                {r.status === 'address' && renderAddress?.(r)}
                {r.errors.length > 0 && (
                  <ul className="reasons">
                    {r.errors.map((e, i) => (
                      <li key={i}>{importErrorText(t, e, existing)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
