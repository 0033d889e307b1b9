import { z } from 'zod';

// GeoJSON is always [lon, lat]. Ranges are checked here so that a latitude of 91 never reaches a store.
// A position is [lon, lat] or [lon, lat, height]: nothing more (a file may carry heights; we ignore them).
export const lonLatSchema = z
  .tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)])
  .rest(z.number().finite())
  .refine((p) => p.length <= 3, 'a position is [longitude, latitude] or [longitude, latitude, height]');
export type LonLat = z.infer<typeof lonLatSchema>;

export const linearRingSchema = z.array(lonLatSchema).min(4);
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(linearRingSchema).min(1),
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRingSchema).min(1)).min(1),
});
export const areaGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

/** A point a person pinned: exactly [lon, lat]. */
export const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: lonLatSchema.refine((p) => p.length === 2, 'a point is [longitude, latitude]'),
});
export type PointGeometry = z.infer<typeof pointSchema>;
