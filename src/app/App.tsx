import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation, useRoute } from 'wouter';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { MapView } from '../map/MapView';
import { AreasLayer } from '../map/AreasLayer';
import { FitArea } from '../map/FitArea';
import { FitAll } from '../map/FitAll';
import { LocateControl } from '../map/LocateControl';
import { CollapsibleControls } from '../map/CollapsibleControls';
import { AreaList } from '../features/areas/AreaList';
import { Legend } from '../features/areas/Legend';
import { BasemapSwitch } from '../features/areas/BasemapSwitch';
import { Header } from './Header';
import { RoleGate } from './RoleGate';
import { SessionExpiredBanner } from './SessionBadge';
import { MunicipalitySwitch } from './MunicipalitySwitch';
import { UpdatePrompt } from './UpdatePrompt';
import { useOnline } from '../services/useOnline';
import { useAppData } from '../services/useAppData';
import type { BagPremises } from '../domain/bagPremises';
import { useDb } from '../services/useDbLiveQuery';

const BASEMAP_KEY = 'schouwkaart.basemap';

// Screens other than the map load on demand, to keep the first screen's JavaScript small.
const SchouwScreen = lazy(() => import('../features/schouw/SchouwScreen'));
const ShopsScreen = lazy(() => import('../features/shops/ShopsScreen'));
const FollowupScreen = lazy(() => import('../features/followup/FollowupScreen'));
const PartnersScreen = lazy(() => import('../features/partners/PartnersScreen'));
const StorageScreen = lazy(() => import('../features/offline/StorageScreen'));
const AreaPanel = lazy(() => import('../features/areas/AreaPanel'));
const BagPremisesLayer = lazy(() => import('../map/BagPremisesLayer'));
const AuthScreen = lazy(() => import('../features/auth/AuthScreen'));
const UsersScreen = lazy(() => import('../features/auth/UsersScreen'));
const AccountScreen = lazy(() => import('../features/auth/AccountScreen'));
const ResetPasswordScreen = lazy(() => import('../features/auth/ResetPasswordScreen'));
const AreaEditorScreen = lazy(() => import('../features/areaEditor/AreaEditorScreen'));
const OwnersScreen = lazy(() => import('../features/owners/OwnersScreen'));
const MailQueueScreen = lazy(() => import('../features/owners/MailQueueScreen'));
const MyActionsScreen = lazy(() => import('../features/owners/MyActionsScreen'));
const SurveyScreen = lazy(() => import('../features/survey/SurveyScreen'));
// Pages for anyone without an account (worries, public pages, certificate): no shell around them.
const WorriesScreen = lazy(() => import('../features/worries/WorriesScreen'));
const PublicRoot = lazy(() => import('../features/public/PublicRoot'));
const publicPrefixes = ['/melding', '/openbaar', '/certificaat', '/raamsticker'];
const isPublicPath = (path: string) => publicPrefixes.some((p) => path === p || path.startsWith(`${p}/`));

export function App() {
  const [location] = useLocation();
  if (isPublicPath(location)) {
    return (
      <Suspense fallback={<p className="banner">…</p>}>
        <PublicRoot />
      </Suspense>
    );
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <SkipText />
      </a>
      <Header />
      <SessionExpiredBanner />
      <ScreenErrorBoundary resetKey={location}>
      <Suspense fallback={<p className="banner">…</p>}>
        <Switch>
          <Route path="/schouw" nest>
            <RoleGate capability="walk">
              <SchouwScreen />
            </RoleGate>
          </Route>
          {/* Accounts; the map and the local screens stay usable without one. */}
          <Route path="/inloggen">
            <AuthScreen />
          </Route>
          <Route path="/setup">
            <AuthScreen />
          </Route>
          <Route path="/uitnodiging">
            <AuthScreen />
          </Route>
          <Route path="/wachtwoord-herstellen">
            <ResetPasswordScreen />
          </Route>
          <Route path="/account">
            <AccountScreen />
          </Route>
          <Route path="/beheer/gebruikers">
            <UsersScreen />
          </Route>
          <Route path="/beheer/eigenaren">
            <OwnersScreen />
          </Route>
          <Route path="/beheer/berichten">
            <MailQueueScreen />
          </Route>
          <Route path="/beheer/enquete">
            <SurveyScreen />
          </Route>
          <Route path="/beheer/meldingen">
            <RoleGate capability="moderateWorries">
              <WorriesScreen />
            </RoleGate>
          </Route>
          <Route path="/mijn-acties">
            <MyActionsScreen />
          </Route>
          <Route path="/partners">
            <PartnersScreen />
          </Route>
          <Route path="/opslag">
            <StorageScreen />
          </Route>
          <Route path="/winkels" nest>
            <RoleGate capability="shopsView">
              <ShopsScreen />
            </RoleGate>
          </Route>
          <Route path="/gebieden/bewerken" nest>
            <AreaEditorScreen />
          </Route>
          <Route path="/opvolging" nest>
            <RoleGate capability="followUpView">
              <FollowupScreen />
            </RoleGate>
          </Route>
          <Route>
            <MapScreen />
          </Route>
        </Switch>
      </Suspense>
      </ScreenErrorBoundary>
      <UpdatePrompt />
    </div>
  );
}

function SkipText() {
  const { t } = useTranslation();
  return <>{t('app.skipToMain')}</>;
}

function MapScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const { config, configError, areas, lastRefresh } = useAppData(online);
  const db = useDb();
  const [, params] = useRoute('/gebied/:id');
  const [, navigate] = useLocation();
  const selectedId = params?.id ?? null;
  const [basemapId, setBasemapId] = useState(() => localStorage.getItem(BASEMAP_KEY) ?? 'brt');
  // The coordinator's BAG layer of the open area (issue 14); the panel fills it, leaving the area clears it.
  const [bag, setBag] = useState<{ areaId: string; premises: BagPremises[] } | null>(null);

  const select = useCallback((id: string) => navigate(`/gebied/${encodeURIComponent(id)}`), [navigate]);
  const close = useCallback(() => navigate('/'), [navigate]);
  const chooseBasemap = useCallback((id: string) => {
    setBasemapId(id);
    localStorage.setItem(BASEMAP_KEY, id);
  }, []);

  const selected = useMemo(() => areas?.find((a) => a.id === selectedId) ?? null, [areas, selectedId]);
  const basemap = config?.basemaps.find((b) => b.id === basemapId) ?? config?.basemaps[0];

  return (
    <>
      {lastRefresh && !lastRefresh.ok && lastRefresh.reason !== 'offline' && (
        <p className="banner banner-warn" role="alert">
          {t('status.areasFailed', { reason: lastRefresh.detail })}
        </p>
      )}
      <main className="layout" id="main">
        <aside className="sidebar">
          {!config && <p className="banner">{configError ? t('status.noAreasYet') : '…'}</p>}
          {config && !selected && <MunicipalitySwitch config={config} />}
          {selected && basemap ? (
            <Suspense fallback={<p className="banner">…</p>}>
              {db ? (
                <AreaPanel area={selected} db={db} tileTemplate={basemap.url} onClose={close} onBagPremises={(p) => setBag(p ? { areaId: selected.id, premises: p } : null)} />
              ) : (
                <p className="banner">…</p>
              )}
            </Suspense>
          ) : (
            <>
              {selectedId && areas && <p role="alert">{t('areas.notFound')}</p>}
              {areas && areas.length === 0 && config && <p className="banner">{t('status.noAreasYet')}</p>}
              <AreaList areas={areas ?? []} selectedId={selectedId} onSelect={select} />
            </>
          )}
        </aside>
        <div className="map-wrap">
          {config && (
            <MapView config={config} basemapId={basemapId}>
              <AreasLayer areas={areas ?? []} selectedId={selectedId} onSelect={select} />
              <FitArea area={selected} />
              <FitAll areas={areas ?? []} skip={selectedId !== null} />
              <LocateControl />
              {bag && bag.areaId === selectedId && (
                <Suspense fallback={null}>
                  <BagPremisesLayer premises={bag.premises} />
                </Suspense>
              )}
            </MapView>
          )}
          <div className="map-overlay">
            <CollapsibleControls>
              {config && <BasemapSwitch basemaps={config.basemaps} value={basemap?.id ?? ''} onChange={chooseBasemap} />}
              <Legend />
            </CollapsibleControls>
          </div>
        </div>
      </main>
    </>
  );
}
