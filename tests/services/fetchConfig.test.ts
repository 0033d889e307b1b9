/** The first screen's config check accepts and refuses what the zod schema does. */
import { describe, expect, it } from 'vitest';
import { clientConfigSchema } from '../../src/services/config';
import { readClientConfig } from '../../src/services/fetchConfig';

const ring = [[6.1, 52.2], [6.2, 52.2], [6.2, 52.3], [6.1, 52.2]];
const m = { id: 'deventer', name: 'Deventer', center: [52.25, 6.16], zoom: 14, boundary: { type: 'Polygon', coordinates: [ring] }, attribution: 'Gemeente' };
const good = { municipality: m, municipalities: [m, { ...m, id: 'westland', boundary: undefined }], basemaps: [{ id: 'brt', label: 'BRT', url: 'https://x/{z}/{x}/{y}.png', attribution: 'PDOK' }] };

const cases: [string, unknown, boolean][] = [
  ['the server\'s config', good, true],
  ['an older server without municipalities', { ...good, municipalities: undefined }, true],
  ['no basemaps', { ...good, basemaps: [] }, false],
  ['a basemap without url', { ...good, basemaps: [{ id: 'brt', attribution: 'x' }] }, false],
  ['a centre of one number', { ...good, municipality: { ...m, center: [52] } }, false],
  ['a zoom as text', { ...good, municipality: { ...m, zoom: '14' } }, false],
  ['a boundary with latitude 91', { ...good, municipality: { ...m, boundary: { type: 'Polygon', coordinates: [[[6.1, 91], ...ring.slice(1)]] } } }, false],
  ['municipalities not a list', { ...good, municipalities: 'deventer' }, false],
  ['null', null, false],
];

describe('readClientConfig', () => {
  it.each(cases)('%s: same verdict and value as the schema', (_name, input, ok) => {
    const zod = clientConfigSchema.safeParse(JSON.parse(JSON.stringify(input)));
    expect(zod.success).toBe(ok);
    if (ok) expect(readClientConfig(JSON.parse(JSON.stringify(input)))).toEqual(zod.data);
    else expect(() => readClientConfig(JSON.parse(JSON.stringify(input)))).toThrow(/^config: /);
  });
});
