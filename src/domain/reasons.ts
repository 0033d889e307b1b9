import type { Lang } from './categories';

/** Why a finding operation was refused. Stable: the sync protocol carries these codes. */
export const reasonCodes = [
  'not_allowed_for_role',
  'invalid_transition',
  'no_change',
  'needs_fix_note',
  'needs_reason',
  'needs_duplicate_target',
  'duplicate_of_self',
  'needs_owner',
  'needs_text',
  'text_too_long',
  'invalid_due_date',
  'invalid_point',
  'invalid_photo',
  'unknown_category',
  'finding_removed',
  'invalid_input',
  'unknown_owner',
  'outside_municipality',
  'already_checked',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

// Written for the person holding the tablet: what to do next, not what the code checked.
const messages: Record<ReasonCode, Record<Lang, string>> = {
  not_allowed_for_role: {
    nl: 'Dit mag je met jouw rol niet doen.',
    en: 'Your role does not allow this.',
  },
  invalid_transition: {
    nl: 'Dit kan niet vanuit de huidige status van de bevinding.',
    en: 'This is not possible from the finding’s current status.',
  },
  no_change: {
    nl: 'Er verandert niets: de bevinding staat al zo.',
    en: 'Nothing changes: the finding is already like this.',
  },
  needs_fix_note: {
    nl: 'Voeg een toelichting of een foto toe om de bevinding als opgelost te melden.',
    en: 'Add a note or a photo to mark the finding as fixed.',
  },
  needs_reason: {
    nl: 'Geef een reden waarom dit niet wordt opgelost.',
    en: 'Give a reason why this will not be fixed.',
  },
  needs_duplicate_target: {
    nl: 'Kies de bevinding waarvan dit een dubbele melding is.',
    en: 'Choose the finding this one duplicates.',
  },
  duplicate_of_self: {
    nl: 'Een bevinding kan geen dubbele melding van zichzelf zijn.',
    en: 'A finding cannot be a duplicate of itself.',
  },
  needs_owner: {
    nl: 'Kies wie de bevinding oppakt.',
    en: 'Choose who takes the finding on.',
  },
  needs_text: {
    nl: 'Vul een tekst in.',
    en: 'Enter some text.',
  },
  text_too_long: {
    nl: 'De tekst is te lang (hoogstens 500 tekens).',
    en: 'The text is too long (at most 500 characters).',
  },
  invalid_due_date: {
    nl: 'Kies een geldige streefdatum, niet vóór de dag waarop de bevinding is gemaakt.',
    en: 'Choose a valid due date, not before the day the finding was made.',
  },
  invalid_point: {
    nl: 'De plek op de kaart is ongeldig.',
    en: 'The place on the map is not valid.',
  },
  invalid_photo: {
    nl: 'De foto is niet goed opgeslagen. Maak de foto opnieuw.',
    en: 'The photo was not stored correctly. Please take it again.',
  },
  unknown_category: {
    nl: 'Deze categorie bestaat niet (meer). Kies een andere.',
    en: 'This category does not exist (any more). Choose another one.',
  },
  finding_removed: {
    nl: 'Deze bevinding is verwijderd.',
    en: 'This finding has been removed.',
  },
  invalid_input: {
    nl: 'Een van de gegevens is ongeldig (te lang, een teken dat niet kan worden opgeslagen, of een verkeerde waarde). Bekijk de waarde hieronder, pas hem aan en sla opnieuw op.',
    en: 'One of the values is not valid (too long, a character that cannot be stored, or a wrong value). Check the value below, correct it and save again.',
  },
  outside_municipality: {
    nl: 'Deze plek ligt buiten de gemeente. Zet de bevinding op de juiste plek op de kaart.',
    en: 'This place lies outside the municipality. Put the finding in the right place on the map.',
  },
  already_checked: {
    nl: 'Deze melding van een ondernemer is al bekeken (bevestigd of afgewezen) door iemand anders.',
    en: 'This shopkeeper’s worry was already checked (confirmed or dismissed) by someone else.',
  },
  unknown_owner: {
    nl: 'Deze eigenaar staat niet (meer) in de lijst van organisaties. Kies een andere eigenaar.',
    en: 'This owner is not (or no longer) in the list of organisations. Choose another owner.',
  },
};

export function reasonMessage(code: ReasonCode, lang: Lang): string {
  return messages[code][lang];
}
