import { useCallback, useMemo, useState } from 'react';
import type { LatLng } from 'leaflet';
import type { Area } from '../../domain/area';
import { cutHole, mergeAreas, splitArea, type EditRefusal } from '../../domain/areaEdit';
import type { AreaGeometry } from '../../domain/geojson';
import type { RefusalItem } from './api';
import type { Tool } from './EditorMap';
import { fromLeafletLatLngs, lineFromLatLngs } from './geometry';
import type { ProposalNote } from './proposal';

export interface Fields {
  name: string;
  kind: Area['kind'];
  kvoStatus: Area['kvoStatus'];
}

/** Everything about one drawing in progress: shape, fields, tool, pending split or merge, and the last refusal. */
export function useAreaDraft(base: Area | null) {
  const [draft, setDraft] = useState<AreaGeometry | null>(base?.geometry ?? null);
  const [fields, setFields] = useState<Fields>(() => ({ name: base?.name ?? '', kind: base?.kind ?? 'shopping_centre', kvoStatus: base?.kvoStatus ?? 'not_on_map' }));
  const [tool, setTool] = useState<Tool>(base ? 'edit' : 'draw');
  const [draftKey, setDraftKey] = useState(0);
  const [refusals, setRefusals] = useState<RefusalItem[]>([]);
  const [split, setSplit] = useState<{ geometry: AreaGeometry; name: string } | null>(null);
  const [mergedWith, setMergedWith] = useState<Area | null>(null);
  // Set when a BAG proposal is accepted; a new drawing or a reset forgets it.
  const [fromProposal, setFromProposal] = useState<ProposalNote | null>(null);

  const replace = useCallback((g: AreaGeometry | null, nextTool: Tool = 'edit') => {
    setDraft(g);
    setTool(nextTool);
    setDraftKey((k) => k + 1);
  }, []);

  const reset = useCallback(() => {
    replace(base?.geometry ?? null, base ? 'edit' : 'draw');
    setSplit(null);
    setMergedWith(null);
    setRefusals([]);
    setFromProposal(null);
  }, [base, replace]);

  const localRefusal = (reason: EditRefusal, message: string) => setRefusals([{ reason, message, area: fields.name || '—' }]);

  /** A shape or line drawn with a drawing tool. */
  const drawn = useCallback(
    (kind: 'draw' | 'hole' | 'split', latlngs: LatLng[]) => {
      setRefusals([]);
      if (kind === 'draw') {
        setFromProposal(null);
        replace(fromLeafletLatLngs(latlngs));
        return;
      }
      if (!draft) return;
      if (kind === 'hole') {
        const ring = lineFromLatLngs(latlngs);
        const r = cutHole(draft, [...ring, ring[0]!]);
        if (r.ok) replace(r.value);
        else localRefusal(r.reason, r.message);
        return;
      }
      const r = splitArea(draft, lineFromLatLngs(latlngs));
      if (!r.ok) return localRefusal(r.reason, r.message);
      setSplit({ geometry: r.value[1], name: `${fields.name} (deel 2)` });
      replace(r.value[0]);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft, fields.name, replace],
  );

  const merge = useCallback(
    (other: Area) => {
      if (!draft) return;
      const r = mergeAreas(draft, other.geometry);
      if (!r.ok) return localRefusal(r.reason, r.message);
      setMergedWith(other);
      setRefusals([]);
      replace(r.value);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft, replace],
  );

  const overlaps = useMemo(() => refusals.flatMap((r) => (r.overlap ? [r.overlap] : [])), [refusals]);

  return {
    draft,
    setDraft,
    fields,
    setFields,
    tool,
    setTool,
    draftKey: String(draftKey),
    refusals,
    setRefusals,
    overlaps,
    split,
    setSplit,
    mergedWith,
    fromProposal,
    setFromProposal,
    reset,
    replace,
    drawn,
    merge,
  };
}
export type AreaDraft = ReturnType<typeof useAreaDraft>;
