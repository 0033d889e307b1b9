import { useTranslation } from 'react-i18next';
import { formatMoved, type ShopsMoved } from '../../domain/areaEdit';
import type { Shop } from '../../domain/shop';

/** "+3, −1" and the names, so the effect on the percentages is seen before saving. */
export function MovedShops({ moved }: { moved: ShopsMoved<Shop> }) {
  const { t } = useTranslation();
  const none = moved.in.length === 0 && moved.out.length === 0;
  return (
    <section className="moved" aria-labelledby="moved-title">
      <h3 id="moved-title">{t('areaEditor.moved')}</h3>
      {none ? (
        <p className="muted">{t('areaEditor.movedNone')}</p>
      ) : (
        <>
          <p className="moved-count" data-testid="moved-count">
            {t('areaEditor.movedCount')}: <span className="moved-number">{formatMoved(moved)}</span>
          </p>
          {moved.in.length > 0 && (
            <p>
              <strong className="moved-in">{t('areaEditor.movedIn')}:</strong> {moved.in.map((s) => s.name).join(', ')}
            </p>
          )}
          {moved.out.length > 0 && (
            <p>
              <strong className="moved-out">{t('areaEditor.movedOut')}:</strong> {moved.out.map((s) => s.name).join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
