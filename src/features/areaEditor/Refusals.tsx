import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalItem } from './api';

/** Why a save (or an edit tool) was refused, in words, with both names for an overlap. */
export function Refusals({ items, status, error }: { items: readonly RefusalItem[]; status: number | null; error: string | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0 || status !== null;
  useEffect(() => {
    // Bring the reason into view (the sidebar may be scrolled to the fields).
    if (shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [shown, items, status]);
  if (!shown) return null;
  let lead = t('areaEditor.refused');
  if (status === 401 || status === 403) lead = t('areaEditor.notAllowed');
  else if (status === 0) lead = t('areaEditor.offline');
  else if (items.length === 0 && error) lead = t(`areaEditor.reasons.${error}`, { defaultValue: t('areaEditor.failed', { error }), area: '' });
  return (
    <div className="banner banner-warn refusal" role="alert" ref={ref}>
      <p>{lead}</p>
      {items.length > 0 && (
        <ul>
          {items.map((r, i) => (
            <li key={i} data-reason={r.reason} title={r.message}>
              {t(`areaEditor.reasons.${r.reason}`, { area: r.area, other: r.other ?? '', defaultValue: r.message })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
