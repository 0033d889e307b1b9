import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Area } from '../../domain/area';
import type { Finding } from '../../domain/finding';
import { facetCounts, filterFindings, findingYear, type FollowupFilter } from '../../domain/followupFilter';
import type { Inspection } from '../../domain/inspection';
import type { ClientConfig } from '../../services/config';
import type { MapEntry } from '../../storage/mapIndexColumns';
import { MapView } from '../../map/MapView';
import { AreaOutlines } from '../../map/AreaOutlines';
import { FitArea } from '../../map/FitArea';
import { FitPoints } from '../../map/FitPoints';
import { FindingsLayer } from '../../map/FindingsLayer';
import { PanToPoint } from '../../map/PanToPoint';
import { BulkAssign } from './BulkAssign';
import { ExportBar } from './ExportBar';
import { FilterPanel } from './FilterPanel';
import { FindingTable } from './FindingTable';
import type { Labels } from './labels';
import { useMayDo } from '../../services/access';

interface Props {
  /** Every finding's map fields (the map index): the map, the facet counts and the filter's choices. */
  entries: readonly MapEntry[];
  /** The full records for the list and the exports; undefined until read (after the map's first frame). */
  findings: readonly Finding[] | undefined;
  onMapDrawn: () => void;
  areas: readonly Area[];
  inspections: readonly Inspection[];
  config: ClientConfig | null;
  labels: Labels;
  now: Date;
  filter: FollowupFilter;
  onFilter: (f: FollowupFilter) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

const BASEMAP_KEY = 'schouwkaart.basemap';

/** /opvolging: filters, the list and the map side by side, selection shared between them. */
export function FollowupList({ entries, findings, onMapDrawn, areas, inspections, config, labels, now, filter, onFilter, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const mayFollowUp = useMayDo('followUp');
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const onMap = useMemo(() => filterFindings(entries, filter, now), [entries, filter, now]);
  const shown = useMemo(() => (findings ? filterFindings(findings, filter, now) : undefined), [findings, filter, now]);
  const counts = useMemo(() => facetCounts(entries, filter, now), [entries, filter, now]);
  const live = useMemo(() => entries.filter((e) => !e.removed), [entries]);
  const years = useMemo(() => [...new Set(live.map(findingYear))].sort().reverse(), [live]);
  const areaIds = useMemo(() => [...new Set([...areas.map((a) => a.id), ...live.flatMap((f) => (f.areaId ? [f.areaId] : []))])], [areas, live]);
  const inspectionIds = useMemo(() => inspections.map((i) => i.id).reverse(), [inspections]);
  const checkedShown = useMemo(() => (shown ?? []).filter((f) => checked.has(f.id)), [shown, checked]);
  const fitPoints = useMemo(() => onMap.map((e) => [e.lon, e.lat]), [onMap]);
  const selected = onMap.find((f) => f.id === selectedId) ?? null;
  const filterArea = areas.find((a) => a.id === filter.area) ?? null;

  const changeFilter = (f: FollowupFilter) => {
    setChecked(new Set());
    setNotice('');
    onFilter(f);
  };
  const check = useCallback((ids: string[], on: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  }, []);
  const selectFinding = useCallback((id: string) => onSelect(id), [onSelect]);

  return (
    <main className="layout fu" id="main">
      <aside className="sidebar fu-side">
        <div className="fu-top">
          <h2>{t('followup.title')}</h2>
          <Link href="/overzicht" className="btn">
            {t('followup.summaryTitle')} · {t('followup.reportsTitle')}
          </Link>
        </div>
        <FilterPanel filter={filter} counts={counts} labels={labels} years={years} inspectionIds={inspectionIds} areaIds={areaIds} onChange={changeFilter} />
        {shown && <ExportBar findings={checkedShown.length > 0 ? checkedShown : shown} labels={labels} now={now} />}
        {/* Assigning is follow-up work (wijkbeheerder, coordinator); the selection still serves the export. */}
        {shown && checkedShown.length > 0 && mayFollowUp && (
          <BulkAssign
            ids={checkedShown.map((f) => f.id)}
            findings={shown}
            labels={labels}
            onDone={(text) => {
              setChecked(new Set());
              setNotice(text);
            }}
          />
        )}
        <p role="status" className="form-ok">
          {notice}
        </p>
        {shown ? (
          <FindingTable findings={shown} labels={labels} now={now} selectedId={selectedId} checked={checked} onSelect={selectFinding} onCheck={check} />
        ) : (
          <p className="muted" role="status">
            {t('followup.listLoading', { count: onMap.length })}
          </p>
        )}
      </aside>
      <div className="map-wrap" aria-label={t('followup.mapLabel')} role="region">
        {config && (
          <MapView config={config} basemapId={localStorage.getItem(BASEMAP_KEY) ?? 'brt'}>
            <AreaOutlines areas={areas} selectedId={filter.area || null} />
            {filterArea ? <FitArea area={filterArea} /> : <FitPoints points={fitPoints} fitKey={JSON.stringify(filter)} />}
            <FindingsLayer findings={onMap} selectedId={selectedId} onSelect={selectFinding} now={now} onFirstDraw={onMapDrawn} />
            <PanToPoint point={selected ? [selected.lon, selected.lat] : null} />
          </MapView>
        )}
      </div>
    </main>
  );
}
