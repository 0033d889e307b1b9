import type { MunicipalityConfig } from '../../src/domain/municipality';
import { square, testMunicipality } from './fixtures';

// Two municipalities on one server, far apart, for the tenancy tests (SPEC.md R30, R32).

export const deventer: MunicipalityConfig = { ...testMunicipality, id: 'deventer', name: 'Deventer' };
export const westland: MunicipalityConfig = {
  ...testMunicipality,
  id: 'westland',
  name: 'Westland',
  code: 'GM1783',
  center: [4.25, 52.02],
  boundary: { type: 'Polygon', coordinates: [square(4.1, 51.9, 0.3)] } as MunicipalityConfig['boundary'],
};
