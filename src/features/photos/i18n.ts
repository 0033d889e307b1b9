// Strings of the shared photo components (thumbnails, viewer, walk preparation), registered under
// `photos` by ./i18nRegister when the first photo component loads.
const nl = {
  loading: 'Foto laden…',
  problem: {
    offline: 'Foto niet op dit apparaat — verbind om te laden',
    signed_out: 'Foto niet op dit apparaat — log in om te laden',
    missing: 'Foto staat (nog) niet op de server',
    forbidden: 'Je mag deze foto niet zien',
    failed: 'Foto laden lukte niet — probeer het later opnieuw',
  },
  open: 'Foto {{n}} van {{total}} groot bekijken',
  viewer: {
    title: 'Foto {{n}} van {{total}}',
    close: 'Sluiten',
    previous: 'Vorige foto',
    next: 'Volgende foto',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    reset: 'Passend maken',
    hint: 'Veeg of gebruik de pijltjestoetsen voor de volgende foto; knijp, scroll of gebruik + en − om te zoomen.',
  },
  prepare: {
    button: 'Foto\'s voor offline ophalen',
    busy: 'Foto\'s ophalen: {{done}} van {{total}}',
    done: 'Klaar: de foto\'s van {{count}} open bevindingen staan op dit apparaat.',
    partly: '{{failed}} van {{total}} foto\'s konden niet worden opgehaald; de rest staat op dit apparaat.',
    none: 'Dit gebied heeft geen open bevindingen met foto\'s.',
    offline: 'Verbind met internet om de foto\'s op te halen.',
  },
  zip: {
    button: 'ZIP met CSV, GeoJSON en foto\'s downloaden',
    busy: 'ZIP maken…',
    numberHeader: 'Nr.',
    done: 'De ZIP is gemaakt met {{count}} foto\'s.',
    missing: 'De ZIP is gemaakt, maar {{count}} foto\'s staan niet op dit apparaat en je bent offline: {{names}}. Verbind en download opnieuw.',
  },
};

const en: typeof nl = {
  loading: 'Loading photo…',
  problem: {
    offline: 'Photo not on this device — connect to load it',
    signed_out: 'Photo not on this device — log in to load it',
    missing: 'Photo is not on the server (yet)',
    forbidden: 'You may not see this photo',
    failed: 'Loading the photo failed — try again later',
  },
  open: 'View photo {{n}} of {{total}} full size',
  viewer: {
    title: 'Photo {{n}} of {{total}}',
    close: 'Close',
    previous: 'Previous photo',
    next: 'Next photo',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Fit to screen',
    hint: 'Swipe or use the arrow keys for the next photo; pinch, scroll or use + and − to zoom.',
  },
  prepare: {
    button: 'Fetch photos for offline use',
    busy: 'Fetching photos: {{done}} of {{total}}',
    done: 'Done: the photos of {{count}} open findings are on this device.',
    partly: '{{failed}} of {{total}} photos could not be fetched; the rest are on this device.',
    none: 'This area has no open findings with photos.',
    offline: 'Connect to the internet to fetch the photos.',
  },
  zip: {
    button: 'Download ZIP with CSV, GeoJSON and photos',
    busy: 'Making the ZIP…',
    numberHeader: 'No.',
    done: 'The ZIP was made with {{count}} photos.',
    missing: 'The ZIP was made, but {{count}} photos are not on this device and you are offline: {{names}}. Connect and download again.',
  },
};

export const photoStrings = { nl, en };
