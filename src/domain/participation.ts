import type { Area } from './area';
import { assignShops, buildAreaIndex, type ShopAssignment } from './areaIndex';
import { shopFlagKeys, surveyAnsweredIn, type Shop, type ShopFlagKey } from './shop';

/**
 * Participation per area and measure (DOMAIN.md "Participation percentages"):
 * percentage = open shops in the area that take part ÷ open shops in the area, shown with both counts.
 * - Closed shops count nowhere (neither above nor below the line).
 * - A shop in no area counts in the municipality-wide figures only ("outside").
 * - An area with no open shops has no percentage (null, reason 'no_open_shops', shown as "—").
 *
 * The percentage is a whole number, rounded half up, and the same number is shown and scored
 * ("86% = 8,6 punten"). It never reads 100% unless every open shop takes part, and never 0% unless
 * none does: 199 of 200 is 99%, 1 of 300 is 1%.
 */

export const measures = shopFlagKeys;
export type Measure = ShopFlagKey;

export interface ParticipationFigure {
  /** Open shops that take part. */
  taking: number;
  /** Open shops (the base). */
  open: number;
  /** Whole percent 0-100, or null when there are no open shops. */
  percent: number | null;
  reason?: 'no_open_shops';
}

export type MeasureFigures = Record<Measure, ParticipationFigure>;

export interface GroupParticipation {
  /** All shops in the group, open or closed. */
  shops: number;
  closed: number;
  open: number;
  measures: MeasureFigures;
}

export interface ParticipationReport {
  /** Per area id; every requested area appears, also one without shops. */
  areas: Record<string, GroupParticipation>;
  /** Shops in no area ("buiten winkelgebied"). */
  outside: GroupParticipation;
  /** All shops of the municipality: the areas and outside together. */
  municipality: GroupParticipation;
}

/** Whole percent of taking ÷ open, in integers only (no float drift); see the module comment. */
export function wholePercent(taking: number, open: number): number {
  if (!Number.isInteger(taking) || !Number.isInteger(open) || open <= 0 || taking < 0 || taking > open) {
    throw new RangeError(`wholePercent: need integers 0 <= taking <= open, open > 0 (got ${taking}/${open})`);
  }
  // round(100 * taking / open), half up: floor((200 * taking + open) / (2 * open)).
  const rounded = Math.floor((200 * taking + open) / (2 * open));
  if (taking > 0 && taking < open) return Math.min(99, Math.max(1, rounded));
  return rounded;
}

export function participationFigure(taking: number, open: number): ParticipationFigure {
  if (open <= 0) return { taking: 0, open: 0, percent: null, reason: 'no_open_shops' };
  return { taking, open, percent: wholePercent(taking, open) };
}

type Counter = { shops: number; closed: number; open: number; taking: Record<Measure, number> };

function newCounter(): Counter {
  const taking = Object.fromEntries(measures.map((m) => [m, 0])) as Record<Measure, number>;
  return { shops: 0, closed: 0, open: 0, taking };
}

/** Whether the shop takes part in measure `m` in `year`: the survey per year (R50), the others as flagged. */
function takesPart(shop: ParticipationShop, m: Measure, year: number): boolean {
  return m === 'surveyAnswered' ? surveyAnsweredIn(shop, year) : shop.flags[m];
}

function count(c: Counter, shop: ParticipationShop, year: number): void {
  c.shops += 1;
  if (!shop.open) {
    c.closed += 1;
    return;
  }
  c.open += 1;
  for (const m of measures) if (takesPart(shop, m, year)) c.taking[m] += 1;
}

function toGroup(c: Counter): GroupParticipation {
  const figures = Object.fromEntries(
    measures.map((m) => [m, participationFigure(c.taking[m], c.open)]),
  ) as MeasureFigures;
  return { shops: c.shops, closed: c.closed, open: c.open, measures: figures };
}

export type ParticipationShop = Pick<Shop, 'id' | 'open' | 'flags' | 'surveyYears' | 'surveyAnsweredYears'>;

/**
 * Counts of `year` per area from an assignment made beforehand (see `assignShops`). A shop missing from the
 * assignment counts as outside; a shop assigned to an area not in `areaIds` gets that area's entry too.
 * The survey measure is that year's (R50); the other measures are the register's flags as they are now.
 */
export function computeParticipation(
  shops: readonly ParticipationShop[],
  areaIds: readonly string[],
  assignment: ShopAssignment,
  year: number,
): ParticipationReport {
  const perArea = new Map<string, Counter>();
  for (const id of areaIds) perArea.set(id, newCounter());
  const outside = newCounter();
  const all = newCounter();
  for (const shop of shops) {
    const areaId = assignment.get(shop.id) ?? null;
    let target = outside;
    if (areaId !== null) {
      target = perArea.get(areaId) ?? newCounter();
      perArea.set(areaId, target);
    }
    count(target, shop, year);
    count(all, shop, year);
  }
  const areas: Record<string, GroupParticipation> = {};
  for (const [id, c] of perArea) areas[id] = toGroup(c);
  return { areas, outside: toGroup(outside), municipality: toGroup(all) };
}

/** Convenience: index the areas, place the shops, count. */
export function computeParticipationForAreas(
  shops: readonly (ParticipationShop & Pick<Shop, 'point'>)[],
  areas: readonly Pick<Area, 'id' | 'geometry'>[],
  year: number,
): ParticipationReport {
  const assignment = assignShops(shops, buildAreaIndex(areas));
  return computeParticipation(
    shops,
    areas.map((a) => a.id),
    assignment,
    year,
  );
}

export type Lang = 'nl' | 'en';

/** "17 van 20, 85%" / "17 of 20, 85%"; "—" when there are no open shops. */
export function formatParticipation(r: Pick<ParticipationFigure, 'taking' | 'open' | 'percent'>, lang: Lang): string {
  if (r.percent === null || r.open <= 0) return '—';
  const nf = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 0 });
  const of = lang === 'nl' ? 'van' : 'of';
  return `${nf.format(r.taking)} ${of} ${nf.format(r.open)}, ${nf.format(r.percent)}%`;
}
