import type { Area } from '../../domain/area';
import { areaApi, type ApiResult, type AreaShape } from './api';
import { proposalReason } from './proposal';
import type { AreaDraft } from './useAreaDraft';

export type SaveOutcome =
  | { ok: true; id: string; version: number }
  | { ok: false; result: Extract<ApiResult<unknown>, { ok: false }> };

/**
 * Save the drawing: a new area, or a new version of `base`. A merge retires the other area first (and
 * brings it back when the save is refused); a split saves the second part as a new area afterwards.
 * A drawing from an accepted outline proposal is saved with the proposal's mark before the reason.
 */
export async function saveDraft(m: string, base: Area | null, d: AreaDraft, typed: string): Promise<SaveOutcome> {
  // A drawing that started from a BAG proposal says so in the version history (issue 14).
  const reason = proposalReason(d.fromProposal, typed);
  const shape: AreaShape = { ...d.fields, name: d.fields.name.trim(), geometry: d.draft!, reason };
  if (!base) {
    const r = await areaApi.create(m, shape);
    return r.ok ? { ok: true, id: r.value.id, version: r.value.version } : { ok: false, result: r };
  }
  let retiredVersion: number | null = null;
  if (d.mergedWith) {
    const r = await areaApi.retire(m, d.mergedWith.id, reason);
    if (!r.ok) return { ok: false, result: r };
    retiredVersion = r.value.version;
  }
  const saved = await areaApi.save(m, base.id, { ...shape, source: base.source, ...(base.approximate === undefined ? {} : { approximate: base.approximate }) });
  if (!saved.ok) {
    if (d.mergedWith && retiredVersion) await areaApi.restore(m, d.mergedWith.id, retiredVersion - 1, `${reason} (samenvoegen niet gelukt)`);
    return { ok: false, result: saved };
  }
  if (d.split) {
    const second = await areaApi.create(m, { ...d.fields, name: d.split.name.trim(), geometry: d.split.geometry, reason });
    if (!second.ok) return { ok: false, result: second };
  }
  return { ok: true, id: base.id, version: saved.value.version };
}
