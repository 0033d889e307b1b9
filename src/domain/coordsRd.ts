import proj4 from 'proj4';

/**
 * Part of coords.ts (the one place that converts coordinates, DESIGN.md), split off so that proj4
 * loads only where RD is converted, not on the map's first screen.
 *
 * RD New (Rijksdriehoeksmeting, EPSG:28992) ↔ WGS84 (EPSG:4326, GeoJSON order [lon, lat]).
 * proj4 with the classic 7-parameter +towgs84 transformation is good to about a metre against the
 * official RDNAPTRANS™ procedure: fine for placing shops and findings, not for surveying.
 */

export const EPSG_28992 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

proj4.defs('EPSG:28992', EPSG_28992);
const rd = proj4(EPSG_28992, 'EPSG:4326');

/** RD [x, y] in metres → [lon, lat] in degrees. */
export function rdToWgs84([x, y]: readonly [number, number]): [number, number] {
  const [lon, lat] = rd.forward([x, y]);
  return [lon!, lat!];
}

/** [lon, lat] in degrees → RD [x, y] in metres. */
export function wgs84ToRd([lon, lat]: readonly [number, number]): [number, number] {
  const [x, y] = rd.inverse([lon, lat]);
  return [x!, y!];
}

