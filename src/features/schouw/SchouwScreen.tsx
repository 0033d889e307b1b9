import { Route, Switch } from 'wouter';
import './schouw.css';
import { InspectionsHome } from './home/InspectionsHome';
import { WalkRoute } from './walk/WalkRoute';

/** The schouw: `/schouw` plans walks and shows the year; `/schouw/:inspectionId` is one walk. */
export default function SchouwScreen() {
  return (
    <Switch>
      <Route path="/">
        <InspectionsHome />
      </Route>
      <Route path="/:inspectionId">{(params) => <WalkRoute key={params.inspectionId} inspectionId={params.inspectionId} />}</Route>
    </Switch>
  );
}
