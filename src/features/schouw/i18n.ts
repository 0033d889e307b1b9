import { en } from './i18n.en';
import { nl } from './i18n.nl';

/** Registered as `schouw` (registerStrings in main.tsx), so components use t('schouw.…'). */
export const schouwStrings = { nl, en };
