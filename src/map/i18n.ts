// Strings of the map's own controls and banners; registered as `mapui` by the components that use them.
import { registerStrings } from '../services/i18n';

registerStrings('mapui', {
  nl: {
    layers: 'Kaartlagen en legenda',
    hideLayers: 'Kaartlagen verbergen',
    noBasemap: 'De achtergrondkaart is niet beschikbaar (geen netwerk of de kaartserver antwoordt niet).',
    noBasemapHint: 'Je kunt gewoon doorgaan: de gebiedsgrenzen en bevindingen werken zonder achtergrond. Download het gebied voor offline gebruik als je er vaker zonder netwerk bent.',
    noBasemapDownload: 'Gebied downloaden',
    dismiss: 'Verbergen',
    follow: 'Volg mij',
    reusePosition: 'Gebruik mijn positie opnieuw',
    following: 'Volgt je positie',
    youAreHere: 'Je positie (± {{m}} m)',
    positionUnknown: 'Positie nog onbekend',
  },
  en: {
    layers: 'Map layers and legend',
    hideLayers: 'Hide map layers',
    noBasemap: 'The background map is unavailable (no network, or the map server does not answer).',
    noBasemapHint: 'You can carry on: area outlines and findings work without a background. Download the area for offline use if you are often there without a network.',
    noBasemapDownload: 'Download area',
    dismiss: 'Hide',
    follow: 'Follow me',
    reusePosition: 'Use my position again',
    following: 'Following your position',
    youAreHere: 'Your position (± {{m}} m)',
    positionUnknown: 'Position not known yet',
  },
});
