import { en } from './i18n.en';
import { nl } from './i18n.nl';

/** Registered as `followup` (registerStrings in main.tsx), so components use t('followup.…'). */
export const followupStrings = { nl, en };
