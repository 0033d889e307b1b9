/**
 * Which link a worry comes through (issue 16, SPEC.md R53): an area's general worry link, or a shop's
 * personal survey link. A survey link lets the shop pin worries on the map of the area its shop lies in,
 * while its survey is open (answered or not): until the survey's year ends (Europe/Amsterdam). A revoked
 * or unknown link, a survey of an earlier year, or a shop outside every area: no link (the clear page,
 * nothing stored). The worry is tied to the link by `survey:<hash of the token>` (the token itself is
 * never stored), for the per-link rate limit and moderation only: the coordinator sees no shop.
 */
import { buildAreaIndex } from '../../domain/areaIndex';
import { amsterdamDate } from '../../domain/overdue';
import { hashToken } from '../auth/tokens';
import type { Store } from '../store/Store';
import type { WorryLink } from '../store/WorryStore';

const SURVEY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type LinkLookup = { ok: true; link: WorryLink; via: 'area' | 'survey' } | { ok: false; reason: 'unknown_link' | 'outside_areas' };

export async function worryLinkOf(store: Pick<Store, 'worries' | 'survey' | 'listAreas'>, token: string, now: Date): Promise<LinkLookup> {
  const general = await store.worries.findLink(token);
  if (general) return { ok: true, link: general, via: 'area' };
  if (!SURVEY_TOKEN.test(token)) return { ok: false, reason: 'unknown_link' };
  const hash = hashToken(token);
  const survey = await store.survey.findLinkByToken(hash);
  const thisYear = Number(amsterdamDate(now).slice(0, 4));
  if (!survey || survey.status === 'revoked' || survey.year < thisYear) return { ok: false, reason: 'unknown_link' };
  const [shops, areas] = await Promise.all([store.survey.listShops(survey.municipality), store.listAreas(survey.municipality)]);
  const shop = shops.find((s) => s.id === survey.shopId);
  const areaId = shop ? buildAreaIndex(areas).areaOf(shop.point) : null;
  if (areaId === null) return { ok: false, reason: 'outside_areas' };
  return { ok: true, via: 'survey', link: { token: `survey:${hash}`, municipality: survey.municipality, areaId, createdAt: survey.issuedAt } };
}
