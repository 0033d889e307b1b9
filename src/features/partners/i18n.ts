export const partnersStrings = {
  nl: {
    title: 'Partners: deelname en schouwresultaten',
    intro: 'Per winkelgebied: hoeveel winkels meedoen, het certificeringscijfer en het aantal bevindingen per thema. Zonder foto’s, vrije tekst, namen of precieze plekken.',
    notPublic: 'Dit overzicht is niet openbaar. Log in om het te zien.',
    failed: 'Het overzicht kon niet worden opgehaald. Probeer het later opnieuw.',
    measure: 'Maatregel op de kaart',
    tableLabel: 'Winkelgebieden in {{year}}',
    area: 'Gebied',
    grade: 'Cijfer',
    figure: '{{taking}} van {{open}}, {{percent}}%',
  },
  en: {
    title: 'Partners: participation and schouw results',
    intro: 'Per shopping area: how many shops take part, the certification grade and the number of findings per theme. No photos, free text, names or exact places.',
    notPublic: 'This overview is not public. Log in to see it.',
    failed: 'The overview could not be fetched. Try again later.',
    measure: 'Measure on the map',
    tableLabel: 'Shopping areas in {{year}}',
    area: 'Area',
    grade: 'Grade',
    figure: '{{taking}} of {{open}}, {{percent}}%',
  },
};
