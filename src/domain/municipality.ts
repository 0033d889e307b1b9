import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import { areaIdSchema } from './area';
import { areaGeometrySchema } from './geojson';

// A municipality is configuration, not code: `geo/<id>.municipality.json` plus the areas file it names.
// The server picks one with the MUNICIPALITY environment variable (default "deventer").

/** [lon, lat] of the map's opening view. */
const centerSchema = z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]);

export const municipalitySchema = z
  .strictObject({
    /** Lower-case slug; the file is `<id>.municipality.json`. */
    id: areaIdSchema,
    name: z.string().trim().min(1).max(120),
    /** CBS municipality code, e.g. GM0150 for Deventer. */
    code: z.string().regex(/^GM\d{4}$/, 'code must be a CBS municipality code such as GM0150'),
    center: centerSchema,
    zoom: z.number().int().min(1).max(20),
    /** The municipality's boundary; every area must lie inside it. */
    boundary: areaGeometrySchema,
    /** File name of the areas FeatureCollection, in the same folder: no directories, ends in .geojson. */
    areasFile: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*\.geojson$/, 'areasFile must be a plain file name ending in .geojson, without a folder'),
    /** Credits to show on the map for the boundary and the area shapes. */
    attribution: z.string().trim().min(1).max(500),
  })
  .superRefine((m, ctx) => {
    if (!booleanPointInPolygon(m.center, m.boundary)) {
      ctx.addIssue({ code: 'custom', path: ['center'], message: 'center must lie inside the boundary' });
    }
  });
export type MunicipalityConfig = z.infer<typeof municipalitySchema>;

/**
 * Parses a municipality configuration (the JSON of `<id>.municipality.json`). Pure: the caller reads the
 * file. Throws an Error with one line per problem, each naming the field.
 */
export function loadMunicipalityConfig(input: unknown): MunicipalityConfig {
  const result = municipalitySchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
    return `${path || '(root)'}: ${issue.message}`;
  });
  throw new Error(`Invalid municipality configuration:\n${lines.join('\n')}`);
}
