import { z } from 'zod';
import { areaGeometrySchema } from '../domain/geojson';

export const basemapSchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  url: z.string(),
  attribution: z.string(),
});
export type Basemap = z.infer<typeof basemapSchema>;

const clientMunicipalitySchema = z.object({
  id: z.string(),
  name: z.string(),
  center: z.tuple([z.number(), z.number()]),
  zoom: z.number(),
  boundary: areaGeometrySchema.optional(),
  attribution: z.string().optional(),
});

export const clientConfigSchema = z.object({
  /** The server's default municipality. */
  municipality: clientMunicipalitySchema,
  /** Every municipality the server serves (the default first); absent from older servers. */
  municipalities: z.array(clientMunicipalitySchema).optional(),
  basemaps: z.array(basemapSchema).min(1),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

// Fetched and checked (without zod, for the first screen) in fetchConfig.ts.
export { fetchConfig } from './fetchConfig';
