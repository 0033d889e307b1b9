import { useCallback, useState } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
import { useMapEntries } from '../../services/useMapEntries';
import { emptyFilter, type FollowupFilter } from '../../domain/followupFilter';
import { ActionListPage } from './ActionListPage';
import { FindingPage } from './FindingPage';
import { FollowupList } from './FollowupList';
import { useLabels } from './labels';
import { ReportPage } from './ReportPage';
import { SummaryPage } from './SummaryPage';
import { useAllFindings, useAllInspections, useFixedAt } from './useFollowupData';
import './followup.css';

/**
 * The follow-up (nested under /opvolging): the list and map, one finding's page, the summary, the
 * schouw report per inspection and the action list per owner. Filter and selection live here, so
 * they are still set when the person comes back from a finding's page (in memory, not synced).
 */
export default function FollowupScreen() {
  const online = useOnline();
  const { config, areas } = useAppData(online);
  const [location] = useLocation();
  // The list's map draws from the map index first; the full records follow after its first frame.
  // Every other page here needs them at once. Once read, they stay live.
  const entries = useMapEntries();
  const [mapDrawn, setMapDrawn] = useState(false);
  const onMapDrawn = useCallback(() => setMapDrawn(true), []);
  const onList = location === '/';
  const [wantFull, setWantFull] = useState(!onList);
  const mapWillDraw = config !== null && entries !== undefined && entries.length > 0;
  if (!wantFull && (!onList || mapDrawn || (entries !== undefined && !mapWillDraw))) setWantFull(true);
  const findings = useAllFindings(wantFull);
  const inspections = useAllInspections();
  const fixedAt = useFixedAt();
  const labels = useLabels(areas, inspections);
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<FollowupFilter>(emptyFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (!inspections || !areas || (onList ? !entries : !findings)) return <p className="banner">…</p>;
  if (onList) {
    return (
      <FollowupList
        entries={entries ?? []}
        findings={findings}
        onMapDrawn={onMapDrawn}
        areas={areas}
        inspections={inspections}
        config={config}
        labels={labels}
        now={now}
        filter={filter}
        onFilter={setFilter}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
    );
  }
  if (!findings) return null;
  return (
    <Switch>
      <Route path="/overzicht">
        <SummaryPage findings={findings} inspections={inspections} fixedAt={fixedAt} labels={labels} now={now} />
      </Route>
      <Route path="/acties">
        <ActionListPage findings={findings} labels={labels} now={now} />
      </Route>
      <Route path="/rapport/:inspectionId">
        {(p) => <ReportPage inspectionId={p.inspectionId} findings={findings} inspections={inspections} areas={areas} labels={labels} now={now} />}
      </Route>
      <Route path="/:id">{(p) => <FindingPage key={p.id} id={p.id} findings={findings} areas={areas} config={config} labels={labels} now={new Date()} />}</Route>
    </Switch>
  );
}
