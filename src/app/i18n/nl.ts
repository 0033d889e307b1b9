// Dutch is the default language of the product; every key here must also exist in en.ts (a test checks).
export const nl = {
  app: {
    title: 'Schouwkaart',
    subtitle: 'Veilig Ondernemen Winkelgebieden',
    language: 'Taal',
    skipToMain: 'Naar de inhoud',
    screenFailed: 'Dit scherm kon niet worden geladen',
    screenFailedHint: 'Misschien is er net een nieuwe versie geplaatst, of is er geen netwerk. Je gegevens op dit apparaat blijven bewaard.',
    reload: 'Opnieuw laden',
    nav: 'Hoofdmenu',
    navMap: 'Kaart',
    navSchouw: 'Schouw',
    navFollowup: 'Opvolging',
    navShops: 'Winkels',
  },
  status: {
    online: 'Online',
    offline: 'Offline',
    offlineHint: 'Geen netwerk: je werkt met de gegevens op dit apparaat.',
    lastUpdate: 'Gebieden bijgewerkt {{when}}',
    areasFailed: 'De gebieden konden niet worden opgehaald: {{reason}}. Je ziet de laatst bewaarde versie.',
    noAreasYet: 'Nog geen gebieden op dit apparaat. Verbind met het netwerk om ze op te halen.',
  },
  storage: {
    usage: 'Opslag: {{used}} gebruikt van {{quota}}',
    persisted: 'Gegevens blijven bewaard',
    notPersisted: 'De browser mag gegevens opruimen bij ruimtegebrek',
    unknown: 'Opslagruimte onbekend',
  },
  map: {
    label: 'Kaart van de winkelgebieden',
    basemap: 'Achtergrondkaart',
    basemaps: { brt: 'Kaart (BRT)', 'brt-grey': 'Kaart grijs (BRT)', luchtfoto: 'Luchtfoto' },
    locate: 'Mijn locatie',
    locating: 'Locatie zoeken…',
    locateDenied: 'Locatie niet beschikbaar: {{reason}}. Tik op de kaart om een plek te kiezen.',
    accuracy: 'Nauwkeurigheid ongeveer {{m}} m',
    youAreHere: 'Je bent hier',
  },
  areas: {
    listTitle: 'Winkelgebieden',
    count: '{{count}} gebieden',
    filter: 'Zoek een gebied',
    close: 'Sluiten',
    backToList: 'Terug naar de lijst',
    kind: 'Soort',
    kvoStatus: 'KVO-status',
    approximate: 'Ligging bij benadering: de grens moet nog worden bevestigd',
    source: 'Bron',
    kinds: { centre: 'Centrum', shopping_centre: 'Winkelcentrum', street: 'Winkelstraat', village_core: 'Dorpskern' },
    statuses: { certified: 'Gecertificeerd', participating: 'Doet mee', not_on_map: 'Nog niet op de KVO-kaart' },
    legend: 'Legenda',
    notFound: 'Dit gebied bestaat niet (meer).',
  },
  update: {
    available: 'Er is een nieuwe versie van Schouwkaart.',
    reload: 'Nu herladen',
    later: 'Later',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof nl>;
