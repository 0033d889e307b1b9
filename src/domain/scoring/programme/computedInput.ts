import type { Shop, ShopFlagKey } from '../../shop';
import type { ComputedInput } from './answers';
import type { ProgrammeScoringTable } from './table';

export interface ProgrammeFacts {
  /** Municipality-wide participation per measure (all open shops, in an area or not). */
  municipality: Partial<Record<ShopFlagKey, { taking: number; open: number }>>;
  /** Areas walked this year, of the areas to walk. */
  areasWalked?: { walked: number; total: number };
  /** Shops that had a shop check this year (see `countShopsChecked`). */
  shopsChecked?: number;
}

/** Fills `computed` for every computed question of the table from the facts that are known. */
export function buildComputedInput(table: ProgrammeScoringTable, facts: ProgrammeFacts): ComputedInput {
  const out: ComputedInput = {};
  for (const q of table.questions) {
    if (q.source !== 'computed') continue;
    if (q.kind === 'percent') {
      const f = facts.municipality[q.measure];
      if (f) out[q.id] = { count: f.taking, of: f.open };
    } else if ('feed' in q && q.feed === 'areasWalked') {
      if (facts.areasWalked) out[q.id] = { count: facts.areasWalked.walked, of: facts.areasWalked.total };
    } else if ('feed' in q && q.feed === 'shopsChecked') {
      if (facts.shopsChecked !== undefined) out[q.id] = facts.shopsChecked;
    }
  }
  return out;
}

/** Shops (open or since closed) with at least one shop check dated in `year`. */
export function countShopsChecked(shops: readonly Pick<Shop, 'shopChecks'>[], year: number): number {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return shops.filter((s) => s.shopChecks.some((c) => c.date.startsWith(prefix))).length;
}
