import { z } from 'zod';
import { storableString } from './text';

// The product speaks Dutch by default and English on request; every label carries both so a
// municipality's own additions never show up untranslated.
export const langs = ['nl', 'en'] as const;
export const langSchema = z.enum(langs);
export type Lang = z.infer<typeof langSchema>;

export const labelsSchema = z.strictObject({
  nl: storableString().trim().min(1).max(80),
  en: storableString().trim().min(1).max(80),
});
export type Labels = z.infer<typeof labelsSchema>;

// Codes are stored in findings and synced, so they never change once shipped; labels may.
export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'code must be lower-case snake_case');
export const themeCodeSchema = categoryCodeSchema;

// WCAG relative luminance; kept here (not only in tests) so a municipality's own colour is refused
// when a white glyph on it would not read outdoors.
function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const MIN_CONTRAST_WITH_WHITE = 3;
const HEX = /^#[0-9A-Fa-f]{6}$/;

export const themeColourSchema = z
  .string()
  .regex(HEX, 'colour must be #RRGGBB')
  .refine((hex) => !HEX.test(hex) || 1.05 / (relativeLuminance(hex) + 0.05) >= MIN_CONTRAST_WITH_WHITE, {
    message: `colour needs a contrast ratio of at least ${MIN_CONTRAST_WITH_WHITE} against white`,
  });

export const categorySchema = z.strictObject({
  code: categoryCodeSchema,
  labels: labelsSchema,
});
export type Category = z.infer<typeof categorySchema>;

export const themeSchema = z.strictObject({
  code: themeCodeSchema,
  labels: labelsSchema,
  /** Marker fill; a white glyph is drawn on it. */
  colour: themeColourSchema,
  /** Name in the Lucide icon set, for lists and buttons. */
  icon: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /**
   * One character drawn on the canvas marker, so themes differ by shape as well as colour
   * (WCAG 1.4.1) without loading an icon font into the map renderer.
   */
  glyph: z.string().trim().min(1).max(2),
  categories: z.array(categorySchema).min(1),
});
export type Theme = z.infer<typeof themeSchema>;

export const categoryListSchema = z
  .array(themeSchema)
  .min(1)
  .superRefine((themes, ctx) => {
    // Theme and category codes share one namespace: findCategory() and the finding record only
    // carry a bare code, so a code must name one thing.
    const seen = new Set<string>();
    const claim = (code: string, path: (string | number)[]) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', message: `duplicate code "${code}"`, path });
      seen.add(code);
    };
    themes.forEach((theme, t) => {
      claim(theme.code, [t, 'code']);
      theme.categories.forEach((category, c) => claim(category.code, [t, 'categories', c, 'code']));
    });
  });
export type CategoryList = z.infer<typeof categoryListSchema>;

/**
 * The defaults: the five themes of the modernised KVO label, filled with the checklist of the CCV
 * step plan. Colours are Paul Tol's "vibrant" scheme, chosen to stay distinct with the common forms
 * of colour blindness; its orange and grey are too light for a white glyph in sunlight, so
 * traffic takes a dark asphalt grey instead. Glyphs are the initials of the Dutch theme names,
 * the language the schouw team reads.
 */
export const defaultCategories: CategoryList = categoryListSchema.parse([
  {
    code: 'sociale_veiligheid',
    labels: { nl: 'Sociale veiligheid', en: 'Social safety (crime)' },
    colour: '#0077BB',
    icon: 'eye',
    glyph: 'S',
    categories: [
      { code: 'lighting', labels: { nl: 'Verlichting', en: 'Lighting' } },
      { code: 'sight_lines', labels: { nl: 'Zichtlijnen en dode hoeken', en: 'Sight lines and blind spots' } },
      { code: 'loitering_spot', labels: { nl: 'Hangplek', en: 'Loitering spot' } },
      { code: 'incidents', labels: { nl: 'Incidenten', en: 'Incidents' } },
      { code: 'reporting_willingness', labels: { nl: 'Aangiftebereidheid', en: 'Willingness to report' } },
      { code: 'feeling_of_safety', labels: { nl: 'Veiligheidsgevoel', en: 'Feeling of safety' } },
    ],
  },
  {
    code: 'overlast',
    labels: { nl: 'Overlast', en: 'Nuisance' },
    colour: '#EE3377',
    icon: 'spray-can',
    glyph: 'O',
    categories: [
      { code: 'graffiti_vandalism', labels: { nl: 'Graffiti en vernieling', en: 'Graffiti and vandalism' } },
      { code: 'litter_cleanliness', labels: { nl: 'Zwerfafval en netheid', en: 'Litter and cleanliness' } },
      { code: 'greenery_maintenance', labels: { nl: 'Onderhoud groen', en: 'Greenery maintenance' } },
    ],
  },
  {
    code: 'brandveiligheid',
    labels: { nl: 'Brandveiligheid', en: 'Fire safety' },
    colour: '#CC3311',
    icon: 'flame',
    glyph: 'B',
    categories: [
      { code: 'escape_routes', labels: { nl: 'Vluchtwegen', en: 'Escape routes' } },
      {
        code: 'containers',
        labels: { nl: 'Open of verkeerd geplaatste containers', en: 'Unlocked or badly placed containers' },
      },
      { code: 'fire_access', labels: { nl: 'Bereikbaarheid brandweer', en: 'Fire brigade access' } },
    ],
  },
  {
    code: 'verkeersveiligheid',
    labels: { nl: 'Verkeersveiligheid', en: 'Traffic safety' },
    colour: '#444444',
    icon: 'traffic-cone',
    glyph: 'V',
    categories: [
      {
        code: 'access_infrastructure',
        labels: { nl: 'Bereikbaarheid en infrastructuur', en: 'Access and infrastructure' },
      },
      { code: 'parking', labels: { nl: 'Parkeren', en: 'Parking' } },
      {
        code: 'paving_street_furniture',
        labels: { nl: 'Bestrating en straatmeubilair', en: 'Paving and street furniture' },
      },
      { code: 'bollards', labels: { nl: 'Paaltjes', en: 'Bollards' } },
    ],
  },
  {
    code: 'milieu',
    labels: { nl: 'Milieu', en: 'Environment' },
    colour: '#009988',
    icon: 'leaf',
    glyph: 'M',
    categories: [
      { code: 'waste', labels: { nl: 'Afval', en: 'Waste' } },
      // Prefixed: a bare "other" would collide with the first municipality that adds its own.
      { code: 'environment_other', labels: { nl: 'Overig milieu', en: 'Other environment' } },
    ],
  },
]);

export interface CategoryMatch {
  theme: Theme;
  category: Category;
}

export function findCategory(code: string, list: CategoryList = defaultCategories): CategoryMatch | undefined {
  for (const theme of list) {
    const category = theme.categories.find((c) => c.code === code);
    if (category) return { theme, category };
  }
  return undefined;
}

export function themeOf(categoryCode: string, list: CategoryList = defaultCategories): Theme | undefined {
  return findCategory(categoryCode, list)?.theme;
}
