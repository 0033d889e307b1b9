import { iter } from 'but-unzip';
import { combine, parseDbf, parseShp } from 'shpjs';

/**
 * The layers of a zipped shapefile as GeoJSON FeatureCollections. A .prj for RD New (Amersfoort) is not
 * handed to shpjs: its proj4 reading of an ESRI RD definition has no datum shift and is about 100 m off.
 * Those coordinates stay in RD, and the import converts them with coords.ts (the import detects RD by
 * the coordinate range). Any other .prj is reprojected to WGS84 by shpjs.
 */
export async function readShapefileZip(bytes: Uint8Array): Promise<unknown[]> {
  const files = new Map<string, Uint8Array>();
  for (const entry of iter(bytes)) {
    if (entry.filename.includes('__MACOSX') || !/\.(shp|dbf|prj|cpg)$/i.test(entry.filename)) continue;
    files.set(entry.filename.toLowerCase(), await entry.read());
  }
  const layers = [...files.keys()].filter((n) => n.endsWith('.shp')).map((n) => n.slice(0, -4));
  if (layers.length === 0) throw new Error('no .shp file in the zip');
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);
  return layers.map((base) => {
    const prj = text(files.get(`${base}.prj`));
    const rd = prj !== undefined && /Amersfoort|RD_?New|28992/i.test(prj);
    const shapes = parseShp(files.get(`${base}.shp`)!, rd ? undefined : prj);
    const dbf = files.has(`${base}.dbf`) ? parseDbf(files.get(`${base}.dbf`)!, text(files.get(`${base}.cpg`))) : undefined;
    return combine([shapes, dbf]);
  });
}
