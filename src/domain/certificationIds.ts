// Certification ids without zod: the Dexie upgrade (storage/db.ts) uses them, and it is on the first screen.

/**
 * SPEC.md R32: every certification record's id starts with its municipality and a slash, so two
 * municipalities never write one id (area ids such as "centrum", respondents and table versions repeat).
 */
export const inMunicipality = (municipality: string, rest: string) => `${municipality}/${rest}`;

/**
 * The id a certification record had before R32 (Dexie version 8, migration 040 rewrite these), or null
 * when `id` is not such an old id of `record`: an area's `${areaId}/${year}`, a respondent's
 * `${year}/${respondent}`, a scoring table's `${kind}/${version}`. A frozen programme year always had
 * its municipality in front.
 */
export function isPreR32Id(id: string, record: Record<string, unknown>): boolean {
  if ('respondents' in record) return false;
  if (typeof record.respondent === 'string') return id === `${String(record.year)}/${record.respondent}`;
  if ('basedOn' in record && 'table' in record) return id === `${String(record.kind)}/${String(record.version)}`;
  if (typeof record.areaId === 'string') return id === `${record.areaId}/${String(record.year)}`;
  return false;
}
