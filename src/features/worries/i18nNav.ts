/** The menu's label of the worries screen: on the first screen, so kept apart from the screen's strings. */
export const worriesNavStrings = {
  nl: { nav: 'Meldingen en openbare pagina’s' },
  en: { nav: 'Shopkeepers’ worries and public pages' },
};
