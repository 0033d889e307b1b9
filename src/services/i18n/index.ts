import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';
import { en } from './en';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'schouwkaart.lang';

/** Feature folders own their strings; they register them here under their own key. */
export const featureStrings: Record<string, { nl: object; en: object }> = {};

export function registerStrings(key: string, strings: { nl: object; en: object }): void {
  featureStrings[key] = strings;
  if (i18next.isInitialized) {
    i18next.addResourceBundle('nl', 'translation', { [key]: strings.nl }, true, true);
    i18next.addResourceBundle('en', 'translation', { [key]: strings.en }, true, true);
  }
}

function savedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<typeof i18next> {
  const extraNl: Record<string, object> = {};
  const extraEn: Record<string, object> = {};
  for (const [key, s] of Object.entries(featureStrings)) {
    extraNl[key] = s.nl;
    extraEn[key] = s.en;
  }
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'nl',
    resources: {
      nl: { translation: { ...nl, ...extraNl } },
      en: { translation: { ...en, ...extraEn } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
