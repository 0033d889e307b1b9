import { z } from 'zod';
import { areaGeometrySchema } from './geojson';
import { storableString } from './text';

import { areaKinds, kvoStatuses } from './areaKinds';

export { areaKinds, kvoStatuses };

export const areaKindSchema = z.enum(areaKinds);
export const kvoStatusSchema = z.enum(kvoStatuses);

// Stable slug: lower case, digits and hyphens. It is the area's identity across files and versions.
export const areaIdSchema = z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a lower-case slug');
/** A municipality's id has the same shape (it names `geo/<id>.municipality.json`). */
export const municipalityIdSchema = areaIdSchema;

export const areaPropertiesSchema = z.strictObject({
  id: areaIdSchema,
  name: storableString().trim().min(1).max(120),
  kind: areaKindSchema,
  kvoStatus: kvoStatusSchema,
  source: storableString().min(1).max(1000),
  approximate: z.boolean().optional(),
});
export type AreaProperties = z.infer<typeof areaPropertiesSchema>;

export const areaFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: areaPropertiesSchema,
  geometry: areaGeometrySchema,
});
export type AreaFeature = z.infer<typeof areaFeatureSchema>;

export const areaCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

/** The flat record stored on the device and the server. */
export const areaSchema = areaPropertiesSchema.extend({
  geometry: areaGeometrySchema,
  municipality: municipalityIdSchema,
});
export type Area = z.infer<typeof areaSchema>;
