import type { ShopAssignment } from '../../domain/areaIndex';
import type { Shop, ShopFlagKey } from '../../domain/shop';
import { normaliseHeader } from '../../domain/shopImport';

export interface ShopFilter {
  text: string;
  /** '' = all, 'outside' = in no area, else an area id. */
  area: string;
  status: 'all' | 'open' | 'closed';
  flag: ShopFlagKey | '';
}

export const emptyFilter: ShopFilter = { text: '', area: '', status: 'all', flag: '' };

/** The register filtered by text (name, address, sector; accents and case ignored), area, status and flag. */
export function filterShops(shops: readonly Shop[], assignment: ShopAssignment, f: ShopFilter): Shop[] {
  const needle = normaliseHeader(f.text);
  return shops
    .filter((s) => {
      if (needle && !normaliseHeader(`${s.name} ${s.address} ${s.sector}`).includes(needle)) return false;
      const area = assignment.get(s.id) ?? null;
      if (f.area === 'outside' ? area !== null : f.area !== '' && area !== f.area) return false;
      if (f.status === 'open' && !s.open) return false;
      if (f.status === 'closed' && s.open) return false;
      if (f.flag && !s.flags[f.flag]) return false;
      return true;
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
