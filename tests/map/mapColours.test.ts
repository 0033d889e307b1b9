// WCAG AA contrast of everything drawn on the map, against the backgrounds it is drawn on: outlines and
// markers (graphical objects, 1.4.11: 3:1), the glyphs and counts in them (text, 1.4.3: 4.5:1), in the
// normal theme and in the high-contrast theme (whose basemap goes through a CSS filter).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST, parseHex, toHex } from '../../src/domain/contrast';
import { defaultCategories } from '../../src/domain/categories';
import { findingStatuses } from '../../src/domain/finding';
import { kvoStatuses, type Area } from '../../src/domain/area';
import { areaStyle, kvoStatusColours } from '../../src/map/areaStyle';
import { clusterColours, findingMarkerStyle, type FindingMarkerStyle } from '../../src/map/findingStyle';
import { liveColours } from '../../src/map/liveStyle';

const css = (file: string) => fs.readFileSync(file, 'utf8');

/** The map's own background where no tile is drawn, as the app's stylesheet sets it. */
function noBasemapBackground(): string {
  const m = /\.leaflet-container\.map, \.leaflet-container \{ background: (#[0-9a-f]{3,6}); \}/i.exec(css('src/app/styles.css'));
  if (!m) throw new Error('styles.css sets no background for the map without tiles');
  return m[1]!;
}

/** The high-contrast theme's filter on the tiles: contrast(a) saturate(s), read from contrast.css. */
function contrastThemeFilter(): { contrast: number; saturate: number } {
  const m = /\.leaflet-tile-pane \{ filter: contrast\(([\d.]+)\) saturate\(([\d.]+)\); \}/.exec(css('src/app/contrast.css'));
  if (!m) throw new Error('contrast.css has no tile filter of the expected form');
  return { contrast: Number(m[1]), saturate: Number(m[2]) };
}

/** CSS contrast() then saturate() on one colour, as the Filter Effects spec defines them (sRGB). */
function filtered(hex: string, f: { contrast: number; saturate: number }): string {
  const [r, g, b] = parseHex(hex).map((c) => Math.min(1, Math.max(0, (c / 255 - 0.5) * f.contrast + 0.5)));
  const s = f.saturate;
  const out = [
    (0.213 + 0.787 * s) * r! + (0.715 - 0.715 * s) * g! + (0.072 - 0.072 * s) * b!,
    (0.213 - 0.213 * s) * r! + (0.715 + 0.285 * s) * g! + (0.072 - 0.072 * s) * b!,
    (0.213 - 0.213 * s) * r! + (0.715 - 0.715 * s) * g! + (0.072 + 0.928 * s) * b!,
  ];
  return toHex(out.map((c) => Math.min(1, Math.max(0, c)) * 255) as [number, number, number]);
}

// Representative basemap colours: a light OSM-like land colour, white (roads, BRT's empty land), and
// the map's own background when there are no tiles. The aerial photo has no single colour; the white
// edge of every marker and the dark edge of clusters are there for it.
const basemap = [
  { name: 'light map #f2efe9', colour: '#f2efe9' },
  { name: 'white', colour: '#ffffff' },
];
const noBasemap = noBasemapBackground();
const filter = contrastThemeFilter();
const backgrounds = [
  ...basemap.map((b) => ({ ...b, theme: 'normal' })),
  { name: `no basemap ${noBasemap}`, colour: noBasemap, theme: 'normal' },
  // In the high-contrast theme the tiles are filtered; the no-basemap background is not.
  ...basemap.map((b) => ({ name: `${b.name} filtered`, colour: filtered(b.colour, filter), theme: 'high contrast' })),
  { name: `no basemap ${noBasemap}`, colour: noBasemap, theme: 'high contrast' },
];

const themes = defaultCategories.map((t) => ({ code: t.code, colour: t.colour, glyph: t.glyph }));
const area = (kvoStatus: Area['kvoStatus']) => ({ kvoStatus }) as Area;

/** What identifies a marker against the map: the fill of a filled shape, the edge of a hollow one. */
function body(s: FindingMarkerStyle): string {
  return s.shape === 'circle' || s.shape === 'square' ? s.fillColor : s.color;
}

const checked = new Set<string>();
const seen = (...colours: string[]) => colours.forEach((c) => checked.add(c.toLowerCase()));

// Every graphical object against every background: [what, colour].
const graphics: [string, string][] = [
  ...kvoStatuses.map((k) => [`area outline ${k}`, areaStyle(area(k), false).color!] as [string, string]),
  ['selected area outline', areaStyle(area('certified'), true).color!],
  ...themes.flatMap((t) =>
    findingStatuses.map((status) => [`${status} marker, theme ${t.code}`, body(findingMarkerStyle(status, t))] as [string, string]),
  ),
  ...(['open', 'fixed'] as const).flatMap((status) =>
    (['overdue', 'selected'] as const).map(
      (flag) => [`${status} ${flag} marker's outer ring`, findingMarkerStyle(status, themes[0]!, { [flag]: true }).rings!.at(-1)!.colour] as [string, string],
    ),
  ),
  ['cluster edge', clusterColours.edge],
  ['live position dot', liveColours.dot],
  ['live position accuracy circle edge', liveColours.accuracyEdge],
];

describe.each(backgrounds)('on $name ($theme theme)', (bg) => {
  it.each(graphics)(`%s (%s) holds ${MIN_GRAPHIC_CONTRAST}:1`, (_, colour) => {
    seen(colour);
    expect(contrastRatio(colour, bg.colour)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });
});

/** An area label as styles.css draws it: text colour, background with its opacity, border (normal theme). */
function areaLabelStyle(): { text: string; background: string; alpha: number; border: string } {
  const m = /\.leaflet-tooltip\.area-label \{ background: rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\); border: 1px solid (#[0-9a-f]{3,6}); color: (#[0-9a-f]{3,6});/i.exec(css('src/app/styles.css'));
  if (!m) throw new Error('styles.css has no area label rule of the expected form');
  return { background: toHex([Number(m[1]), Number(m[2]), Number(m[3])]), alpha: Number(m[4]), border: m[5]!, text: m[6]! };
}

/** `top` at opacity `alpha` over `under`, as the browser composes it. */
function over(top: string, alpha: number, under: string): string {
  const [a, b] = [parseHex(top), parseHex(under)];
  return toHex(a.map((c, i) => c * alpha + b[i]! * (1 - alpha)) as unknown as [number, number, number]);
}

describe('area labels and the live position', () => {
  const label = areaLabelStyle();
  it.each(backgrounds)(`an area label's text holds ${MIN_TEXT_CONTRAST}:1 on its see-through background over $name ($theme theme)`, (bg) => {
    expect(contrastRatio(label.text, over(label.background, label.alpha, bg.colour))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it.each(backgrounds)(`an area label's border holds ${MIN_GRAPHIC_CONTRAST}:1 on $name ($theme theme)`, (bg) => {
    expect(contrastRatio(label.border, bg.colour)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });

  it('the high-contrast theme draws area labels black on opaque white with a black border', () => {
    expect(css('src/app/contrast.css')).toMatch(/\[data-theme='contrast'\] \.leaflet-tooltip\.area-label \{ background: #fff; border: 2px solid #000;/);
    expect(contrastRatio(label.text, '#ffffff')).toBeGreaterThanOrEqual(7);
  });

  it('the live position dot: its white edge stands out against its fill', () => {
    seen(liveColours.dotEdge, liveColours.accuracyFill);
    expect(contrastRatio(liveColours.dotEdge, liveColours.dot)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });
});

describe('inside a marker', () => {
  const cases = themes.flatMap((t) =>
    findingStatuses.flatMap((status) =>
      [{}, { overdue: true }, { selected: true }].map((flags) => ({ label: `${status} ${JSON.stringify(flags)} theme ${t.code}`, s: findingMarkerStyle(status, t, flags) })),
    ),
  );

  it.each(cases)(`the glyph of $label holds ${MIN_TEXT_CONTRAST}:1 on its fill`, ({ s }) => {
    seen(s.glyphColor, s.fillColor);
    expect(contrastRatio(s.glyphColor, s.fillColor)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it.each(cases)(`fill, edge and state rings of $label each hold ${MIN_GRAPHIC_CONTRAST}:1 against what they touch`, ({ s }) => {
    // Inside out: the fill, its edge, then the rings of a state (overdue, selected).
    const layers = [s.fillColor, s.color, ...(s.rings ?? []).map((r) => r.colour)];
    seen(...layers);
    for (let i = 1; i < layers.length; i++) expect(contrastRatio(layers[i - 1]!, layers[i]!), `${layers[i - 1]} next to ${layers[i]}`).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });

  it('overdue and selected markers carry rings (a state is more than colour)', () => {
    for (const status of findingStatuses) {
      expect(findingMarkerStyle(status, themes[0]!, { overdue: true }).rings?.length).toBeGreaterThan(0);
      expect(findingMarkerStyle(status, themes[0]!, { selected: true }).rings?.length).toBeGreaterThan(0);
      expect(findingMarkerStyle(status, themes[0]!).rings).toBeUndefined();
    }
  });

  it.each(themes)('a cluster: the $code arc stands out on the white disc, the count reads', (t) => {
    seen(t.colour, clusterColours.disc, clusterColours.label);
    expect(contrastRatio(t.colour, clusterColours.disc)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
    expect(contrastRatio(clusterColours.label, clusterColours.disc)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(clusterColours.edge, clusterColours.disc)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
  });
});

describe('coverage', () => {
  it('every colour written in areaStyle.ts, findingStyle.ts, clusterMarker.ts and the live position was checked above', () => {
    const written = ['src/map/areaStyle.ts', 'src/map/findingStyle.ts', 'src/map/clusterMarker.ts', 'src/map/liveStyle.ts', 'src/map/LiveLocation.tsx'].flatMap((f) =>
      [...css(f).matchAll(/'(#[0-9a-f]{6}|#[0-9a-f]{3})'/gi)].map((m) => m[1]!.toLowerCase()),
    );
    expect(written.length).toBeGreaterThan(5);
    expect(Object.values(kvoStatusColours).every((c) => checked.has(c.toLowerCase()))).toBe(true);
    expect(written.filter((c) => !checked.has(c))).toEqual([]);
  });

  it("the map background is not Leaflet's #ddd, on which the pink and teal themes fall under 3:1", () => {
    expect(contrastRatio('#ee3377', '#dddddd')).toBeLessThan(MIN_GRAPHIC_CONTRAST);
    expect(noBasemap.toLowerCase()).not.toBe('#ddd');
    expect(noBasemap.toLowerCase()).not.toBe('#dddddd');
  });
});
