import { useState } from 'react';
import { Route, Switch } from 'wouter';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
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
  const findings = useAllFindings();
  const inspections = useAllInspections();
  const fixedAt = useFixedAt();
  const labels = useLabels(areas, inspections);
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<FollowupFilter>(emptyFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (!findings || !inspections || !areas) return <p className="banner">…</p>;
  return (
    <Switch>
      <Route path="/">
        <FollowupList
          findings={findings}
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
      </Route>
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
