/** Strings of the public results section (registered as `surveyPublic`) and what GroupResultView needs. */
export const surveySectionStrings = {
  nl: {
    title: 'Enquête onder winkels {{year}}',
    answers: '{{count}} winkels vulden de enquête in.',
    belowThreshold: 'Nog te weinig antwoorden om te tonen: de resultaten verschijnen vanaf {{threshold}} antwoorden, zodat geen winkel herkenbaar is.',
    notPublic: 'De resultaten van de enquête zijn (nog) niet openbaar.',
    noSurvey: 'Dit jaar is er (nog) geen enquête.',
    unavailable: 'De resultaten van de enquête zijn nu niet te laden.',
  },
  en: {
    title: 'Shop survey {{year}}',
    answers: '{{count}} shops answered the survey.',
    belowThreshold: 'Too few answers to show: results appear from {{threshold}} answers, so no shop can be recognised.',
    notPublic: 'The survey results are not public (yet).',
    noSurvey: 'There is no survey this year (yet).',
    unavailable: 'The survey results cannot be loaded now.',
  },
};
