import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../services/db';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
import type { ClientConfig } from '../../services/config';
import type { Area } from '../../domain/area';
import { assignShops, buildAreaIndex, type AreaIndex, type ShopAssignment } from '../../domain/areaIndex';
import { computeParticipation, type ParticipationReport } from '../../domain/participation';
import type { Shop } from '../../domain/shop';
import { amsterdamDate } from '../../domain/overdue';

export interface ShopsData {
  config: ClientConfig | null;
  municipality: string | null;
  areas: Area[];
  areaName: (id: string | null) => string | null;
  shops: Shop[] | undefined;
  index: AreaIndex;
  assignment: ShopAssignment;
  report: ParticipationReport;
}

/** The register, the areas and the participation counted from them, kept live from Dexie. */
export function useShopsData(): ShopsData {
  const online = useOnline();
  const { config, areas } = useAppData(online);
  const municipality = config?.municipality.id ?? null;
  const shops = useLiveQuery(
    () => (municipality ? db.shops.where('municipality').equals(municipality).toArray() : Promise.resolve([] as Shop[])),
    [municipality],
  );
  const sortedAreas = useMemo(() => [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [areas]);
  const index = useMemo(() => buildAreaIndex(sortedAreas), [sortedAreas]);
  const assignment = useMemo(() => assignShops(shops ?? [], index), [shops, index]);
  const report = useMemo(
    () =>
      computeParticipation(
        shops ?? [],
        sortedAreas.map((a) => a.id),
        assignment,
        // This year's survey counts for this year's question 7 (R50).
        Number(amsterdamDate(new Date()).slice(0, 4)),
      ),
    [shops, sortedAreas, assignment],
  );
  const names = useMemo(() => new Map(sortedAreas.map((a) => [a.id, a.name])), [sortedAreas]);
  const areaName = useMemo(() => (id: string | null) => (id ? (names.get(id) ?? id) : null), [names]);
  return { config, municipality, areas: sortedAreas, areaName, shops, index, assignment, report };
}
