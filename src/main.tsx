import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import './app/styles.css';
import { App } from './app/App';
import { initI18n, registerStrings } from './services/i18n';
import { peopleStrings } from './services/i18nPeople';
import { authStrings } from './features/auth/i18n';
import { accountStrings } from './features/auth/i18nAccount';
import { areaEditorStrings } from './features/areaEditor/i18n';
import { offlineStrings } from './features/offline/i18n';
import { schouwStrings } from './features/schouw/i18n';
import { followupStrings } from './features/followup/i18n';
import { shopsStrings } from './features/shops/i18n';
import { installChunkRecovery, registerServiceWorker } from './app/registerSw';
import { partnersStrings } from './features/partners/i18n';
import { ownersStrings } from './features/owners/i18n';
import { worriesNavStrings } from './features/worries/i18nNav';
import { preloadDeepLink } from './app/preloadDeepLink';

installChunkRecovery();
preloadDeepLink(location.pathname);
registerStrings('auth', authStrings);
registerStrings('account', accountStrings);
registerStrings('people', peopleStrings);
registerStrings('areaEditor', areaEditorStrings);
registerStrings('offline', offlineStrings);
registerStrings('schouw', schouwStrings);
registerStrings('shops', shopsStrings);
registerStrings('followup', followupStrings);
registerStrings('partners', partnersStrings);
registerStrings('owners', ownersStrings);
registerStrings('worriesNav', worriesNavStrings);
await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
