import type { ShopFlagKey } from '../../shop';
import type { ProgrammeQuestion, ProgrammeScoringTable } from './table';

const t = (nl: string, en: string) => ({ nl, en });
const yesNo = (id: string, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'yes_no',
  source: 'respondent',
  text: t(nl, en),
  points: { yes: 10, no: 0 },
});
const yesNoPartly = (id: string, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'yes_no_partly',
  source: 'respondent',
  text: t(nl, en),
  points: { yes: 10, no: 0 },
  partlyMaxPoints: 10,
});
const computedPercent = (id: string, measure: ShopFlagKey, nl: string, en: string): ProgrammeQuestion => ({
  id,
  kind: 'percent',
  source: 'computed',
  measure,
  maxPoints: 10,
  text: t(nl, en),
});

/** The default table: seed 000, Bijlage 1, with the readings of DOMAIN.md. */
export const PROGRAMME_CHECKLIST_TABLE: ProgrammeScoringTable = {
  version: 'kvo-w-deventer/programme/2021.1',
  passGrade: 6,
  questions: [
    {
      id: 'q1',
      kind: 'engagement',
      source: 'respondent',
      parties: ['municipality', 'police', 'fireBrigade', 'shops'],
      maxPoints: 10,
      text: t(
        'Beoordeel de betrokkenheid van de deelnemers met een score van 0-100 (gemeente, politie, brandweer, ondernemers)',
        'Rate the engagement of the participants 0-100 (municipality, police, fire brigade, shops)',
      ),
    },
    yesNo('q2', 'Is het 2-jaarlijks overleg tussen de betrokken instanties gevoerd?', 'Was the twice-yearly meeting of the agencies held?'),
    yesNo('q3', 'Is het jaarlijkse overleg met winkeliers gevoerd?', 'Was the yearly meeting with the shops held?'),
    yesNo('q4', 'Is de themabijeenkomst georganiseerd?', 'Was the theme evening organised?'),
    {
      id: 'q5',
      kind: 'count_per_ten',
      source: 'respondent',
      pointsPerTen: 2,
      maxPoints: 10,
      text: t('Hoeveel deelnemers waren daarbij?', 'How many attended?'),
    },
    {
      id: 'q6',
      kind: 'share',
      source: 'computed',
      feed: 'areasWalked',
      maxPoints: 10,
      text: t('Is de gebiedsschouw uitgevoerd?', 'Was the area inspection (schouw) done?'),
    },
    yesNoPartly(
      'q7',
      'Zijn de winkelbezoeken door de veiligheidscoach en politie 2 keer per jaar uitgevoerd?',
      'Were the shop visits by safety coach and police done twice this year?',
    ),
    yesNoPartly(
      'q8',
      'Is de politie aangesloten in de WhatsApp groepen van zijn wijk?',
      'Are the police in the WhatsApp groups of their district?',
    ),
    {
      id: 'q9',
      kind: 'count_bands',
      source: 'respondent',
      bands: [
        { from: 0, points: 0 },
        { from: 20, points: 5 },
        { from: 41, points: 10 },
      ],
      text: t(
        'Hoeveel deelnemende winkels zijn er voor de online cursus (1 van de modules) geweest?',
        'How many participating shops took the online course (one module)?',
      ),
    },
    {
      id: 'q10',
      kind: 'count_linear',
      source: 'respondent',
      pointsPerItem: 0.1,
      maxPoints: 10,
      text: t('Is de fysieke cursus criminaliteitspreventie gehouden? (aantal)', 'Physical crime-prevention courses held (count)'),
    },
    {
      id: 'q11',
      kind: 'count_linear',
      source: 'respondent',
      pointsPerItem: 0.1,
      maxPoints: 10,
      text: t('Zijn er e-mail nieuwsbrieven verstuurd? (aantal)', 'E-mail newsletters sent (count)'),
    },
    yesNo('q12', 'Werd de website ten minste 10x per jaar geactualiseerd?', 'Was the website updated at least 10 times this year?'),
    computedPercent(
      'q13',
      'collectiveBan',
      'Hoeveel % van alle winkels is deelnemer aan het collectief winkelverbod?',
      'What % of all shops is in the collective shop ban?',
    ),
    computedPercent(
      'q14',
      'nuisanceFee',
      'Hoeveel % van alle winkels is deelnemer aan de Overlastdonatie of soortgelijk?',
      'What % of all shops is in the nuisance fee scheme or similar?',
    ),
    yesNo('q15', 'Wordt de KVO-App maximaal 1x per 3 weken bijgewerkt?', 'Is the KVO app updated at least once every 3 weeks?'),
    yesNo('q16', 'Zijn de (online) enquêtes naar de winkels gestuurd?', 'Were the (online) surveys sent to the shops?'),
    computedPercent('q17', 'surveyAnswered', 'Door hoeveel % werd deze ingevuld?', 'What % answered it?'),
    yesNo(
      'q18',
      'Werden de uitkomsten van deze enquêtes besproken in het centrale overleg?',
      'Were the survey results discussed in the central meeting?',
    ),
    {
      id: 'q19',
      kind: 'count_bands',
      source: 'computed',
      feed: 'shopsChecked',
      bands: [
        { from: 0, points: 0 },
        { from: 10, points: 5 },
        { from: 26, points: 10 },
      ],
      text: t('Bij hoeveel winkels is de winkelcheck uitgevoerd?', 'How many shops had a shop check?'),
    },
    yesNo('q20', 'Zijn er nieuwe doelstellingen voor het nieuwe jaar geformuleerd?', 'Were new goals set for the new year?'),
  ],
  readings: [
    {
      id: 'q9_20_29',
      questions: ['q9'],
      nl: 'Vraag 9: de puntentabel geeft "< 20 = 0 punten, 30 – 40 = 5 punten, > 40 = 10 punten" en laat 20-29 open. Gelezen als 20-40 = 5 punten.',
      en: 'Question 9: the scoring table gives "< 20 = 0 points, 30 – 40 = 5 points, > 40 = 10 points" and leaves 20-29 open. Read as 20-40 = 5 points.',
    },
    {
      id: 'q12_no_points',
      questions: ['q12'],
      nl: 'Vraag 12: de puntentabel noemt geen antwoord en geen punten. Gelezen als nee/ja = 0/10 punten.',
      en: 'Question 12: the scoring table gives no answer type and no points. Read as no/yes = 0/10 points.',
    },
    {
      id: 'q15_yes_no',
      questions: ['q15'],
      nl: 'Vraag 15: een nee/ja-vraag met als puntenvoorbeeld "86% = 86 punten". Gelezen als nee/ja = 0/10 punten.',
      en: 'Question 15: a no/yes question with the points example "86% = 86 points". Read as no/yes = 0/10 points.',
    },
    {
      id: 'q10_q11_literal',
      questions: ['q10', 'q11'],
      nl: 'Vragen 10 en 11 letterlijk genomen: 0,1 punt per keer, maximaal 10 punten (dus pas na 100 keer).',
      en: 'Questions 10 and 11 taken literally: 0.1 point each time, at most 10 points (so only after 100 times).',
    },
    {
      id: 'q5_whole_tens',
      questions: ['q5'],
      nl: 'Vraag 5 ("tiental × 2"): hele tientallen × 2, maximaal 10 punten; 47 deelnemers = 4 × 2 = 8 punten.',
      en: 'Question 5 ("tens × 2"): whole tens × 2, at most 10 points; 47 attendees = 4 × 2 = 8 points.',
    },
    {
      id: 'partly_share',
      questions: ['q6', 'q7', 'q8'],
      nl: 'Vragen 6-8, "bij ten dele: percentage van het totaal": gelezen als het gedeelte × 10 punten (60% = 6 punten); bij vraag 6 berekend uit de schouwen van dit jaar.',
      en: 'Questions 6-8, "if partly: percentage of the total": read as the share × 10 points (60% = 6 points); for question 6 computed from this year\'s inspections.',
    },
    {
      id: 'percent_as_tenths',
      questions: ['q13', 'q14', 'q17'],
      nl: 'De puntentabel zegt "86% = 86 punten". Gelezen als 86% = 8,6 punten: elke vraag telt tot 10 punten, het maximum is 200.',
      en: 'The scoring table says "86% = 86 points". Read as 86% = 8.6 points: every question counts up to 10 points, the maximum is 200.',
    },
    {
      id: 'covenant_row',
      questions: [],
      nl: 'De puntentabel begint de lijst met een ongenummerde regel "Is het convenant nog actueel" zonder punten; die telt niet mee in de 20 vragen.',
      en: 'The scoring table opens the list with an unnumbered row "Is the covenant still current" without points; it is not one of the 20 questions.',
    },
  ],
};
