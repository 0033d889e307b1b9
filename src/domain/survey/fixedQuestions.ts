/**
 * The fixed questions of the shop survey, as versioned data (seed 000: "Maximaal 15 vaste vragen zodat er
 * vergelijkingen gemaakt kunnen worden"). A new version gets a new id and keeps the ids of questions whose
 * meaning did not change; a year's survey names the version it used, so results of years compare per
 * question id. Never edit a published version: add one.
 */
import type { ChoiceOption, Question } from './question';

export interface FixedQuestionSet {
  version: string;
  questions: readonly Question[];
}

const opt = (id: string, nl: string, en: string): ChoiceOption => ({ id, label: { nl, en } });

const kvoW2026: FixedQuestionSet = {
  version: 'kvo-w-2026.1',
  questions: [
    { id: 'safeDay', kind: 'scale', text: { nl: 'Hoe veilig voelt u zich overdag in en rond uw winkel?', en: 'How safe do you feel in and around your shop during the day?' } },
    { id: 'safeEvening', kind: 'scale', text: { nl: "Hoe veilig voelt u zich 's avonds en bij sluitingstijd?", en: 'How safe do you feel in the evening and at closing time?' } },
    {
      id: 'safetyTrend',
      kind: 'choice',
      text: { nl: 'Is de veiligheid in uw winkelgebied het afgelopen jaar veranderd?', en: 'Has safety in your shopping area changed over the past year?' },
      options: [opt('better', 'Beter geworden', 'Better'), opt('same', 'Gelijk gebleven', 'The same'), opt('worse', 'Slechter geworden', 'Worse'), opt('unknown', 'Weet ik niet', "Don't know")],
    },
    { id: 'shoplifting', kind: 'yesNo', text: { nl: 'Heeft u het afgelopen jaar te maken gehad met winkeldiefstal?', en: 'Did you have shoplifting in the past year?' } },
    { id: 'aggression', kind: 'yesNo', text: { nl: 'Heeft u of uw personeel het afgelopen jaar te maken gehad met agressie of bedreiging?', en: 'Did you or your staff face aggression or threats in the past year?' } },
    { id: 'burglary', kind: 'yesNo', text: { nl: 'Heeft u het afgelopen jaar te maken gehad met inbraak of vernieling?', en: 'Did you have a burglary or vandalism in the past year?' } },
    {
      id: 'reporting',
      kind: 'choice',
      text: { nl: 'Doet u aangifte of melding als er iets gebeurt?', en: 'Do you report incidents to the police?' },
      options: [opt('always', 'Altijd', 'Always'), opt('sometimes', 'Soms', 'Sometimes'), opt('never', 'Nooit', 'Never')],
    },
    { id: 'lighting', kind: 'scale', text: { nl: 'Hoe tevreden bent u over de verlichting in uw straat of winkelgebied?', en: 'How satisfied are you with the lighting in your street or area?' } },
    { id: 'publicSpace', kind: 'scale', text: { nl: 'Hoe tevreden bent u over onderhoud en netheid van de openbare ruimte (graffiti, zwerfvuil, groen)?', en: 'How satisfied are you with upkeep and cleanliness of public space (graffiti, litter, greenery)?' } },
    {
      id: 'nuisance',
      kind: 'choice',
      text: { nl: 'Heeft u last van overlast door groepen of hangplekken?', en: 'Are you troubled by nuisance from groups or loitering spots?' },
      options: [opt('often', 'Vaak', 'Often'), opt('sometimes', 'Soms', 'Sometimes'), opt('never', 'Nooit', 'Never')],
    },
    { id: 'cooperation', kind: 'scale', text: { nl: 'Hoe tevreden bent u over de samenwerking met andere ondernemers in uw gebied?', en: 'How satisfied are you with cooperation among shops in your area?' } },
    { id: 'partners', kind: 'scale', text: { nl: 'Hoe tevreden bent u over het contact met politie, gemeente en brandweer?', en: 'How satisfied are you with your contact with police, municipality and fire brigade?' } },
    { id: 'informed', kind: 'yesNo', text: { nl: 'Voelt u zich goed geïnformeerd over veiligheid (nieuwsbrief, KVO-app, WhatsApp-groep)?', en: 'Do you feel well informed about safety (newsletter, KVO app, WhatsApp group)?' } },
    {
      id: 'bestMeasure',
      kind: 'choice',
      text: { nl: 'Welke maatregel zou de veiligheid in uw gebied het meest verbeteren?', en: 'Which measure would improve safety in your area most?' },
      options: [
        opt('lighting', 'Betere verlichting', 'Better lighting'),
        opt('cameras', 'Cameratoezicht', 'Camera surveillance'),
        opt('enforcement', 'Meer politie en handhaving', 'More police and enforcement'),
        opt('alarm', 'Burenbelsysteem', 'Neighbour alarm'),
        opt('cooperation', 'Betere samenwerking', 'Better cooperation'),
        opt('other', 'Anders', 'Other'),
      ],
    },
    { id: 'remarks', kind: 'text', text: { nl: 'Wat wilt u verder kwijt over de veiligheid in uw winkelgebied?', en: 'Anything else about safety in your shopping area?' } },
  ],
};

/** Every published version, oldest first. */
export const fixedQuestionSets: readonly FixedQuestionSet[] = [kvoW2026];
/** The version a new year's survey uses. */
export const CURRENT_FIXED_VERSION = kvoW2026.version;

export function fixedQuestionSet(version: string): FixedQuestionSet | undefined {
  return fixedQuestionSets.find((s) => s.version === version);
}
