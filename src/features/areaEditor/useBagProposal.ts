import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BagPremises } from '../../domain/bagPremises';
import { outlineBbox } from '../../domain/bagPremises';
import { expandBbox } from '../../domain/coords';
import type { AreaGeometry } from '../../domain/geojson';
import { proposeOutline, type ProposalRefusal } from '../../domain/outlineProposal';
import { openDataApi } from '../shops/openDataApi';
import type { ShownProposal } from './proposal';
import type { AreaDraft } from './useAreaDraft';

/** Premises are fetched this far around the drawing, so a cluster that spills over the outline is seen whole. */
export const AROUND_M = 200;

type Loaded = { premises: BagPremises[]; fetchedAt: string; attribution: string; around: AreaGeometry };

/**
 * The BAG layer and the outline proposal of the area editor: premises around the drawing (fetched on
 * demand), the proposal drawn from them, and accepting (it becomes the drawing, still to be saved) or
 * discarding it.
 */
export function useBagProposal(m: string, d: AreaDraft, boundary: AreaGeometry | null, neighbours: readonly AreaGeometry[]) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [proposal, setProposal] = useState<ShownProposal | null>(null);

  const load = useCallback(async (): Promise<Loaded | null> => {
    const around = d.draft;
    if (!around) {
      setMessage(t('areaEditor.proposal.drawFirst'));
      return null;
    }
    if (loaded && loaded.around === around) return loaded;
    setBusy(true);
    setMessage(null);
    const r = await openDataApi.premisesNear(m, expandBbox(outlineBbox(around), AROUND_M));
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error === 'offline' ? t('shops.bag.offline') : t('shops.bag.unavailable', { message: r.message }));
      return null;
    }
    const next = { premises: r.value.premises, fetchedAt: r.value.fetchedAt, attribution: r.value.attribution, around };
    setLoaded(next);
    return next;
  }, [d.draft, loaded, m, t]);

  const toggleLayer = useCallback(async () => {
    if (shown) return setShown(false);
    if (await load()) setShown(true);
  }, [shown, load]);

  const propose = useCallback(async () => {
    const l = await load();
    if (!l) return;
    setShown(true);
    const r = proposeOutline({ premises: l.premises, outline: d.draft, boundary, neighbours });
    if (!r.ok) {
      setProposal(null);
      setMessage(t(`areaEditor.proposal.refusals.${r.reason satisfies ProposalRefusal}`, { count: r.premisesSeen }) + ` (${r.message})`);
      return;
    }
    setMessage(null);
    setProposal({ ...r.value, fetchedAt: l.fetchedAt });
  }, [load, d.draft, boundary, neighbours, t]);

  const accept = useCallback(() => {
    if (!proposal) return;
    d.replace(proposal.geometry);
    d.setFromProposal({ premisesUsed: proposal.premisesUsed, clusters: proposal.clusters, fetchedAt: proposal.fetchedAt });
    setProposal(null);
  }, [proposal, d]);

  const discard = useCallback(() => setProposal(null), []);

  return { premises: shown ? (loaded?.premises ?? null) : null, attribution: loaded?.attribution ?? null, shown, busy, message, proposal, toggleLayer, propose, accept, discard };
}
export type BagProposal = ReturnType<typeof useBagProposal>;
