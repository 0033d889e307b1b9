// Strings of the sync status (Dutch first, the product's language); registered as `sync`.
const nl = {
  state: {
    idle: 'Alles gesynchroniseerd',
    pending_one: '{{count}} wijziging wacht',
    pending_other: '{{count}} wijzigingen wachten',
    syncing: 'Synchroniseren…',
    offline: 'Offline: wijzigingen blijven bewaard',
    error: 'Synchroniseren mislukt, wordt opnieuw geprobeerd',
    logged_out: 'Log opnieuw in om verder te synchroniseren',
    no_account: 'Niet ingelogd: alles blijft op dit apparaat',
  },
  lastSuccess: 'Laatst gesynchroniseerd: {{time}}',
  never: 'Nog niet gesynchroniseerd',
  syncNow: 'Nu synchroniseren',
  rejected_one: '{{count}} wijziging geweigerd',
  rejected_other: '{{count}} wijzigingen geweigerd',
  rejectedIntro: 'De server heeft deze wijzigingen niet overgenomen. Wat je invoerde staat hieronder.',
  whatToDo: 'Open het record, bekijk de huidige stand en voer de wijziging opnieuw in als die nog nodig is. Klik daarna op "Gezien".',
  dismiss: 'Gezien',
  tables: { findings: 'Bevinding', inspections: 'Schouw', shops: 'Winkel', areas: 'Gebied', certifications: 'Certificering' },
  conflicts: {
    title: 'Tegelijk gewijzigd',
    item: '{{field}}: "{{lost}}" is vervangen door "{{won}}" (later binnengekomen).',
    hint: 'Beide waarden staan in de geschiedenis. Pas de bevinding aan als de vervangen waarde de juiste was.',
  },
  reasons: {
    not_found: 'Dit record bestaat niet (meer) op de server.',
    id_exists: 'Er bestaat al een record met deze code.',
    not_synced: 'Dit soort wijziging wordt niet gesynchroniseerd.',
    unknown: 'De server weigerde deze wijziging ({{code}}).',
  },
};

const en: typeof nl = {
  state: {
    idle: 'Everything synced',
    pending_one: '{{count}} change waiting',
    pending_other: '{{count}} changes waiting',
    syncing: 'Syncing…',
    offline: 'Offline: changes are kept',
    error: 'Sync failed, will try again',
    logged_out: 'Log in again to continue syncing',
    no_account: 'Not logged in: everything stays on this device',
  },
  lastSuccess: 'Last synced: {{time}}',
  never: 'Not synced yet',
  syncNow: 'Sync now',
  rejected_one: '{{count}} change refused',
  rejected_other: '{{count}} changes refused',
  rejectedIntro: 'The server did not take these changes. What you entered is shown below.',
  whatToDo: 'Open the record, check its current state and enter the change again if it is still needed. Then click "Seen".',
  dismiss: 'Seen',
  tables: { findings: 'Finding', inspections: 'Inspection', shops: 'Shop', areas: 'Area', certifications: 'Certification' },
  conflicts: {
    title: 'Changed at the same time',
    item: '{{field}}: "{{lost}}" was replaced by "{{won}}" (arrived later).',
    hint: 'Both values are in the history. Edit the finding if the replaced value was the right one.',
  },
  reasons: {
    not_found: 'This record does not exist (any more) on the server.',
    id_exists: 'A record with this code already exists.',
    not_synced: 'This kind of change is not synced.',
    unknown: 'The server refused this change ({{code}}).',
  },
};

export const syncStrings = { nl, en };
