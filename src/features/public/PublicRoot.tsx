/**
 * The pages anyone may open without an account (issue 16): the shopkeeper's worry page, the public
 * page per area and per municipality, the certificate and the window sticker. Loaded on demand and
 * shown without the app's header and menu, so the first screen of the app does not carry them.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { registerStrings, setLanguage } from '../../services/i18n';
import { publicStrings } from './i18n';
import './public.css';

registerStrings('public', publicStrings);

const WorryPage = lazy(() => import('./WorryPage'));
const PublicPage = lazy(() => import('./PublicPage'));
const CertificatePage = lazy(() => import('./CertificatePage'));

export default function PublicRoot() {
  return (
    <div className="public-root">
      <LanguageChoice />
      <Suspense fallback={<p>…</p>}>
        <Switch>
          <Route path="/melding">
            <WorryPage />
          </Route>
          <Route path="/openbaar/:municipality/:areaId">{(p) => <PublicPage municipality={p.municipality} areaId={p.areaId} />}</Route>
          <Route path="/openbaar/:municipality">{(p) => <PublicPage municipality={p.municipality} />}</Route>
          <Route path="/certificaat/:municipality/:areaId/:year">{(p) => <CertificatePage kind="certificate" {...p} />}</Route>
          <Route path="/raamsticker/:municipality/:areaId/:year">{(p) => <CertificatePage kind="sticker" {...p} />}</Route>
        </Switch>
      </Suspense>
    </div>
  );
}

function LanguageChoice() {
  const { i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <button type="button" className="public-lang no-print" lang={other} onClick={() => setLanguage(other)}>
      {other === 'en' ? 'English' : 'Nederlands'}
    </button>
  );
}
