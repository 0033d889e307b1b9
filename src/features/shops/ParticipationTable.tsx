import { useTranslation } from 'react-i18next';
import { formatParticipation, measures, type GroupParticipation } from '../../domain/participation';
import { premisesDecisionKinds, type BagComparison } from '../../domain/bagPremises';
import { fmt1 } from './format';
import { useBagSummary } from './useBagSummary';
import type { AreaYearScore } from './useAreaScores';
import type { ShopsData } from './useShopsData';

interface Row {
  key: string;
  name: string;
  group: GroupParticipation;
  total?: boolean;
}

/** The table twin of the partners' map: per area and measure "17 van 20, 85%", or "—" with the reason. */
export function ParticipationTable({ data, year, scores }: { data: ShopsData; year: number; scores: Map<string, AreaYearScore> | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  // Only areas whose certification was worked on (answers or frozen) have a grade.
  const bag = useBagSummary(data);
  const gradeText = (s: AreaYearScore | undefined) => (s?.record && s.result.ok ? fmt1(s.result.grade, lang) : '—');
  const rows: Row[] = [
    ...data.areas.map((a) => ({ key: a.id, name: a.name, group: data.report.areas[a.id]! })),
    { key: 'outside', name: t('shops.outside'), group: data.report.outside },
    { key: 'municipality', name: t('shops.municipality'), group: data.report.municipality, total: true },
  ];
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('shops.participation.tableCaption', { year })}>
      <table className="data-table participation-table">
        <caption>{t('shops.participation.tableCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shops.participation.area')}</th>
            <th scope="col">{t('shops.participation.open')}</th>
            {measures.map((m) => (
              <th scope="col" key={m}>
                {t(`shops.flags.${m}`)}
              </th>
            ))}
            <th scope="col">{t('shops.participation.grade')}</th>
            {bag && <th scope="col">{t('shops.bag.column')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const none = r.group.open === 0;
            return (
              <tr key={r.key} data-area={r.key} className={r.total ? 'row-total' : undefined}>
                <th scope="row">
                  {r.name}
                  {none && <span className="cell-note">{t('shops.participation.noOpenShops')}</span>}
                </th>
                <td className="num">{r.group.open}</td>
                {measures.map((m) => {
                  const f = r.group.measures[m];
                  return (
                    <td key={m} className="num" data-measure={m} title={none ? t('shops.participation.noOpenShops') : undefined}>
                      {formatParticipation(f, lang)}
                    </td>
                  );
                })}
                <td className="num" data-measure="grade">
                  {gradeText(scores?.get(r.key))}
                </td>
                {bag && <td data-measure="bag">{r.total || r.key === 'outside' ? null : <BagCounts c={bag.get(r.key)} open={r.group.open} />}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "BAG: 47 winkelpanden; register: 20 winkels, …", the not-a-shop premises by kind, and the denominator. */
function BagCounts({ c, open }: { c: BagComparison | undefined; open: number }) {
  const { t } = useTranslation();
  if (!c) return <span className="muted">{t('shops.bag.notFetched')}</span>;
  const kinds = premisesDecisionKinds.filter((k) => c.notShop[k] > 0).map((k) => `${c.notShop[k]} ${t(`shops.bag.kinds.${k}`)}`);
  return (
    <span className="bag-counts">
      {t('shops.bag.summary', { premises: c.premises, shops: c.shops, matched: c.matched, without: c.withoutShop.length })}
      {kinds.length > 0 && <span className="cell-note">{t('shops.bag.notShopList', { list: kinds.join(', ') })}</span>}
      <span className="cell-note">{t('shops.bag.denominator', { open })}</span>
    </span>
  );
}
