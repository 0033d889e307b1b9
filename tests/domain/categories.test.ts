import { describe, expect, it } from 'vitest';
import {
  categoryListSchema,
  defaultCategories,
  findCategory,
  themeOf,
  type CategoryList,
} from '../../src/domain/categories';

// Computed here from the WCAG 2.x definition, independently of the module's own check.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('default categories', () => {
  it('has the five KVO themes in order', () => {
    expect(defaultCategories.map((t) => t.code)).toEqual([
      'sociale_veiligheid',
      'overlast',
      'brandveiligheid',
      'verkeersveiligheid',
      'milieu',
    ]);
  });

  it('holds the CCV checklist under the themes (6, 3, 3, 4, 2 categories)', () => {
    expect(defaultCategories.map((t) => t.categories.length)).toEqual([6, 3, 3, 4, 2]);
  });

  it('uses every code once, over themes and categories together', () => {
    const codes = defaultCategories.flatMap((t) => [t.code, ...t.categories.map((c) => c.code)]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('labels every theme and category in Dutch and English', () => {
    for (const theme of defaultCategories) {
      for (const labels of [theme.labels, ...theme.categories.map((c) => c.labels)]) {
        expect(labels.nl.trim()).not.toBe('');
        expect(labels.en.trim()).not.toBe('');
      }
    }
  });

  it('gives every category a theme colour with contrast of at least 3:1 against white', () => {
    for (const theme of defaultCategories) {
      for (const category of theme.categories) {
        const colour = themeOf(category.code)?.colour;
        expect(colour, category.code).toMatch(/^#[0-9A-Fa-f]{6}$/);
        expect(contrast(colour!, '#FFFFFF'), `${theme.code} ${colour}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('tells themes apart by colour and by glyph, not by colour alone', () => {
    expect(new Set(defaultCategories.map((t) => t.colour.toLowerCase())).size).toBe(5);
    expect(new Set(defaultCategories.map((t) => t.glyph)).size).toBe(5);
    for (const theme of defaultCategories) expect(theme.icon).not.toBe('');
  });

  it('sanity-checks the contrast helper against known WCAG values', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
  });
});

describe('findCategory and themeOf', () => {
  it('finds a category with its theme', () => {
    const match = findCategory('containers');
    expect(match?.theme.code).toBe('brandveiligheid');
    expect(match?.category.labels.nl).toMatch(/containers/);
    expect(themeOf('bollards')?.code).toBe('verkeersveiligheid');
  });

  it('returns undefined for an unknown code, and for a theme code', () => {
    expect(findCategory('nope')).toBeUndefined();
    expect(themeOf('milieu')).toBeUndefined();
  });
});

describe('a municipality extends the list', () => {
  const extended = (): CategoryList =>
    defaultCategories.map((t) =>
      t.code === 'overlast'
        ? {
            ...t,
            categories: [...t.categories, { code: 'bike_wrecks', labels: { nl: 'Fietswrakken', en: 'Abandoned bikes' } }],
          }
        : t,
    );

  it('accepts a new category and finds it in its own list only', () => {
    const list = categoryListSchema.parse(extended());
    expect(themeOf('bike_wrecks', list)?.code).toBe('overlast');
    expect(findCategory('bike_wrecks')).toBeUndefined();
  });

  it('refuses a code that is already taken', () => {
    const list = extended();
    list[0]!.categories.push({ code: 'parking', labels: { nl: 'x', en: 'x' } });
    expect(categoryListSchema.safeParse(list).success).toBe(false);
  });

  it('refuses a missing label and a colour that would not read in sunlight', () => {
    const noEnglish = structuredClone(extended()) as unknown as { categories: { labels: object }[] }[];
    noEnglish[1]!.categories[0]!.labels = { nl: 'Graffiti' };
    expect(categoryListSchema.safeParse(noEnglish).success).toBe(false);

    const yellow = extended().map((t) => (t.code === 'milieu' ? { ...t, colour: '#FFDD00' } : t));
    expect(categoryListSchema.safeParse(yellow).success).toBe(false);
  });
});
