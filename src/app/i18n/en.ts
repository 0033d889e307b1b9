import type { Catalogue } from './nl';

export const en: Catalogue = {
  app: {
    title: 'Schouwkaart',
    subtitle: 'Safe Business Shopping Areas',
    language: 'Language',
    skipToList: 'Skip to the list of areas',
  },
  status: {
    online: 'Online',
    offline: 'Offline',
    offlineHint: 'No network: you are working with the data on this device.',
    lastUpdate: 'Areas updated {{when}}',
    areasFailed: 'The areas could not be fetched: {{reason}}. You see the last saved version.',
    noAreasYet: 'No areas on this device yet. Connect to the network to fetch them.',
  },
  storage: {
    usage: 'Storage: {{used}} used of {{quota}}',
    persisted: 'Data is kept',
    notPersisted: 'The browser may clear data when space runs low',
    unknown: 'Storage space unknown',
  },
  map: {
    label: 'Map of the shopping areas',
    basemap: 'Base map',
    basemaps: { brt: 'Map (BRT)', 'brt-grey': 'Map grey (BRT)', luchtfoto: 'Aerial photo' },
    locate: 'My location',
    locating: 'Finding location…',
    locateDenied: 'Location unavailable: {{reason}}. Tap the map to pick a spot.',
    accuracy: 'Accuracy about {{m}} m',
    youAreHere: 'You are here',
  },
  areas: {
    listTitle: 'Shopping areas',
    count: '{{count}} areas',
    filter: 'Find an area',
    close: 'Close',
    backToList: 'Back to the list',
    kind: 'Kind',
    kvoStatus: 'KVO status',
    approximate: 'Approximate outline: the boundary still needs confirming',
    source: 'Source',
    kinds: { centre: 'Centre', shopping_centre: 'Shopping centre', street: 'Shopping street', village_core: 'Village core' },
    statuses: { certified: 'Certified', participating: 'Participating', not_on_map: 'Not yet on the KVO map' },
    legend: 'Legend',
    notFound: 'This area does not exist (any more).',
  },
  update: {
    available: 'A new version of Schouwkaart is available.',
    reload: 'Reload now',
    later: 'Later',
  },
};
