import type { ShopFlagKey } from './shop';

/** The fields a register CSV column can mean, and the header names (Dutch and English) for each. */

export type ShopField =
  | 'id'
  | 'name'
  | 'address'
  | 'sector'
  | 'open'
  | 'lon'
  | 'lat'
  | 'x'
  | 'y'
  | AddressField
  | ShopFlagKey;

export type AddressField = 'postcode' | 'huisnummer' | 'huisletter' | 'toevoeging' | 'straat' | 'plaats';
export const addressFields: readonly AddressField[] = ['postcode', 'huisnummer', 'huisletter', 'toevoeging', 'straat', 'plaats'];

/** Normalised header → field. Normalising: accents off, lower case, only a-z and 0-9 kept. */
export const HEADER_ALIASES: Record<string, ShopField> = {
  id: 'id',
  naam: 'name',
  name: 'name',
  winkel: 'name',
  winkelnaam: 'name',
  shop: 'name',
  shopname: 'name',
  adres: 'address',
  address: 'address',
  branche: 'sector',
  sector: 'sector',
  open: 'open',
  status: 'open',
  lon: 'lon',
  lng: 'lon',
  longitude: 'lon',
  lengtegraad: 'lon',
  lat: 'lat',
  latitude: 'lat',
  breedtegraad: 'lat',
  x: 'x',
  rdx: 'x',
  xrd: 'x',
  y: 'y',
  rdy: 'y',
  yrd: 'y',
  lid: 'partnershipMember',
  lidmaatschap: 'partnershipMember',
  member: 'partnershipMember',
  partnershipmember: 'partnershipMember',
  whatsapp: 'whatsappGroup',
  whatsappgroep: 'whatsappGroup',
  whatsappgroup: 'whatsappGroup',
  cwv: 'collectiveBan',
  winkelverbod: 'collectiveBan',
  collectiefwinkelverbod: 'collectiveBan',
  collectiveban: 'collectiveBan',
  overlastdonatie: 'nuisanceFee',
  nuisancefee: 'nuisanceFee',
  enquete: 'surveyAnswered',
  enqueteingevuld: 'surveyAnswered',
  survey: 'surveyAnswered',
  surveyanswered: 'surveyAnswered',
  nieuwsbrief: 'newsletter',
  newsletter: 'newsletter',
  kvoapp: 'kvoApp',
  app: 'kvoApp',
  postcode: 'postcode',
  pc: 'postcode',
  zipcode: 'postcode',
  huisnummer: 'huisnummer',
  huisnr: 'huisnummer',
  nummer: 'huisnummer',
  nr: 'huisnummer',
  housenumber: 'huisnummer',
  number: 'huisnummer',
  huisletter: 'huisletter',
  letter: 'huisletter',
  toevoeging: 'toevoeging',
  huisnummertoevoeging: 'toevoeging',
  addition: 'toevoeging',
  straat: 'straat',
  straatnaam: 'straat',
  street: 'straat',
  plaats: 'plaats',
  woonplaats: 'plaats',
  city: 'plaats',
  place: 'plaats',
};
