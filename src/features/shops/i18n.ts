import { shopsEn } from './stringsEn';
import { shopsNl } from './stringsNl';

/** Strings of the shops feature; main.tsx registers them as `shops`, so components use t('shops.…'). */
export const shopsStrings = { nl: shopsNl, en: shopsEn };
