import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { db } from '../../../services/db';
import { getActor } from '../../../services/actor';
import type { AreaIndex } from '../../../domain/areaIndex';
import type { Actor, FindingCommand } from '../../../domain/findingStatus';
import type { Inspection } from '../../../domain/inspection';
import type { PhotoRecord } from '../../../storage/db';
import { applyFindingCommands, saveNewFinding } from '../../../storage/findingsRepo';
import { writeMessage } from '../writeMessage';
import type { CaptureDraft } from './CaptureForm';

type LonLat = [number, number];

/**
 * The walk's writes, each resolving to an error message for the person or null when stored. A write
 * made while the actor is still being read (app start) waits for it instead of being refused.
 */
export function useWalkWrites(inspection: Inspection, actor: Actor | undefined, index: AreaIndex) {
  const { t, i18n } = useTranslation();
  const fail = useCallback((r: Parameters<typeof writeMessage>[0]) => writeMessage(r, t, i18n.language), [t, i18n.language]);

  const create = useCallback(
    async (point: LonLat, draft: CaptureDraft): Promise<string | null> => {
      const result = await saveNewFinding(
        db,
        {
          id: uuidv7(),
          municipality: inspection.municipality,
          areaId: index.areaOf(point),
          inspectionId: inspection.id,
          point: { type: 'Point', coordinates: point },
          categoryCode: draft.categoryCode,
          description: draft.description,
          severity: draft.severity,
        },
        actor ?? (await getActor()),
        { photos: draft.photos },
      );
      return result.ok ? null : fail(result);
    },
    [actor, inspection.municipality, inspection.id, index, fail],
  );

  const run = useCallback(
    async (findingId: string, commands: FindingCommand[], photos?: PhotoRecord[]): Promise<string | null> => {
      const result = await applyFindingCommands(db, findingId, commands, actor ?? (await getActor()), { photos });
      return result.ok ? null : fail(result);
    },
    [actor, fail],
  );

  const move = useCallback(
    (findingId: string, point: LonLat) =>
      run(findingId, [{ kind: 'move', point: { type: 'Point', coordinates: point }, areaId: index.areaOf(point) }]),
    [run, index],
  );

  return { create, run, move };
}
