/**
 * The shopkeeper's survey page: its own small dictionary (no i18next, so the page stays small). Dutch
 * first, English available; "u", as in the letter.
 */
const nl = {
  title: 'Enquête veilig ondernemen',
  subtitle: '{{municipality}}, {{year}}',
  forShop: 'Voor {{shop}}',
  intro: 'Alle vragen zijn vrijwillig. Uw antwoorden worden tussendoor bewaard: u kunt stoppen en later met dezelfde link verder gaan. Uw naam en die van uw winkel komen niet bij de resultaten.',
  loading: 'De enquête wordt geladen…',
  yes: 'Ja',
  no: 'Nee',
  scaleLow: 'zeer slecht',
  scaleHigh: 'zeer goed',
  textHint: 'Maximaal {{max}} tekens',
  saving: 'Bezig met bewaren…',
  saved: 'Tussendoor bewaard.',
  notSaved: 'Niet bewaard: geen verbinding. Uw antwoorden staan nog op dit scherm.',
  send: 'Antwoorden versturen',
  sending: 'Bezig met versturen…',
  needOne: 'Beantwoord ten minste één vraag.',
  sendFailed: 'Versturen lukte niet ({{reason}}). Probeer het zo nog eens.',
  offline: 'Geen verbinding. Probeer het zo nog eens; uw antwoorden staan nog op dit scherm.',
  thanksTitle: 'Hartelijk dank!',
  thanks: 'Uw antwoorden zijn verstuurd. De resultaten worden per winkelgebied besproken en zonder namen gepubliceerd.',
  unknownTitle: 'Deze link werkt niet',
  unknown: 'Deze link kennen we niet. Controleer of u de hele link uit de brief hebt overgenomen, of scan de QR-code opnieuw.',
  answeredTitle: 'Al ingevuld',
  answered: 'Met deze link is de enquête al ingevuld. Hartelijk dank!',
  worryTitle: 'Zorg melden',
  worryIntro: 'Ziet u vóór de schouw een onveilige plek in uw winkelgebied? Zet die met deze link op de kaart; dat kan ook nadat u de enquête hebt ingevuld.',
  worryLink: 'Zorg melden op de kaart',
  revokedTitle: 'Deze link is ingetrokken',
  revoked: 'Deze link werkt niet meer. Hebt u een nieuwere brief gekregen? Gebruik dan de link uit die brief.',
  limitedTitle: 'Even geduld',
  limited: 'Er kwamen te veel verzoeken binnen. Probeer het over een paar minuten opnieuw.',
  nothingStored: 'Er is niets opgeslagen.',
  language: 'English',
};

const en: typeof nl = {
  title: 'Safe business survey',
  subtitle: '{{municipality}}, {{year}}',
  forShop: 'For {{shop}}',
  intro: 'All questions are optional. Your answers are kept as you go: you can stop and continue later with the same link. Your name and your shop’s are not part of the results.',
  loading: 'Loading the survey…',
  yes: 'Yes',
  no: 'No',
  scaleLow: 'very bad',
  scaleHigh: 'very good',
  textHint: 'At most {{max}} characters',
  saving: 'Saving…',
  saved: 'Saved as you go.',
  notSaved: 'Not saved: no connection. Your answers are still on this screen.',
  send: 'Send answers',
  sending: 'Sending…',
  needOne: 'Please answer at least one question.',
  sendFailed: 'Sending failed ({{reason}}). Please try again shortly.',
  offline: 'No connection. Please try again shortly; your answers are still on this screen.',
  thanksTitle: 'Thank you!',
  thanks: 'Your answers were sent. Results are discussed per shopping area and published without names.',
  unknownTitle: 'This link does not work',
  unknown: 'We do not know this link. Check that you copied the whole link from the letter, or scan the QR code again.',
  answeredTitle: 'Already answered',
  answered: 'The survey was already answered with this link. Thank you!',
  worryTitle: 'Report a worry',
  worryIntro: 'Do you see an unsafe spot in your shopping area before the walk? Pin it on the map with this link; you can also do so after answering the survey.',
  worryLink: 'Report a worry on the map',
  revokedTitle: 'This link was revoked',
  revoked: 'This link no longer works. Did you get a newer letter? Then use the link in that letter.',
  limitedTitle: 'Please wait',
  limited: 'Too many requests came in. Please try again in a few minutes.',
  nothingStored: 'Nothing was stored.',
  language: 'Nederlands',
};

export type Lang = 'nl' | 'en';
export type Key = keyof typeof nl;
const dict = { nl, en };

export function text(lang: Lang, key: Key, values: Record<string, string | number> = {}): string {
  return dict[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k] ?? ''));
}
