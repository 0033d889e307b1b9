// Strings of the coordinator's privacy tools (retention, account removal, municipality of an invite),
// registered as `privacy` by privacyI18n.ts from the components that use them.
const nl = {
  retentionTitle: 'Bewaartermijnen',
  retentionIntro:
    'Elke nacht verwijdert de server vrije tekst (omschrijvingen, notities, opmerkingen) en foto’s die langer bewaard zijn dan hier staat. Aantallen, categorieën, status, data en gebieden blijven, zodat scores kloppen.',
  closedFindingYears: 'Tekst en foto’s van afgesloten bevindingen en notities van schouwen (jaren na afsluiten)',
  certificationYears: 'Toelichtingen bij de certificering (jaren na het certificeringsjaar)',
  save: 'Bewaartermijnen opslaan',
  saved: 'Bewaartermijnen opgeslagen.',
  defaults: 'Standaard: {{findings}} jaar en {{certifications}} jaar.',
  runsTitle: 'Laatste opschoningen',
  noRuns: 'Nog geen opschoning gedraaid. De eerste draait binnen een dag na het starten van de server.',
  colWhen: 'Wanneer',
  colFindings: 'Bevindingen',
  colEvents: 'Geschiedenisregels',
  colPhotos: 'Foto’s verwijderd',
  colInspections: 'Schouwen',
  colCertifications: 'Certificering',
  colWorries: 'Meldingen',
  remove: 'Account verwijderen',
  removeConfirm:
    'Account van {{name}} verwijderen? De naam wordt overal “voormalig deelnemer”, de sessies stoppen en de gebruikersnaam komt vrij. Bevindingen en geschiedenis blijven. Dit kan niet ongedaan worden.',
  removed: 'Account verwijderd. In de geschiedenis staat nu “voormalig deelnemer”.',
  removedTag: 'Verwijderd',
  inviteFor: 'Uitnodiging voor {{municipality}}',
};

type Strings = { [K in keyof typeof nl]: string };

const en: Strings = {
  retentionTitle: 'Retention periods',
  retentionIntro:
    'Every night the server removes free text (descriptions, notes, comments) and photos kept longer than set here. Counts, categories, status, dates and areas stay, so scores stay right.',
  closedFindingYears: 'Text and photos of closed findings and notes of walks (years after closing)',
  certificationYears: 'Explanations in the certification (years after the certification year)',
  save: 'Save retention periods',
  saved: 'Retention periods saved.',
  defaults: 'Default: {{findings}} years and {{certifications}} years.',
  runsTitle: 'Latest clean-ups',
  noRuns: 'No clean-up has run yet. The first one runs within a day of the server starting.',
  colWhen: 'When',
  colFindings: 'Findings',
  colEvents: 'History entries',
  colPhotos: 'Photos removed',
  colInspections: 'Walks',
  colCertifications: 'Certification',
  colWorries: 'Worries',
  remove: 'Remove account',
  removeConfirm:
    'Remove the account of {{name}}? The name becomes “former participant” everywhere, sessions end and the login becomes free. Findings and history stay. This cannot be undone.',
  removed: 'Account removed. The history now says “former participant”.',
  removedTag: 'Removed',
  inviteFor: 'Invite for {{municipality}}',
};

export const privacyStrings = { nl, en };
