import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../domain/area';
import { buildAreaIndex } from '../../../domain/areaIndex';
import type { Inspection, InspectionChange } from '../../../domain/inspection';
import { EndWalkConfirm } from './EndWalkConfirm';
import { WalkDetailsForm } from './WalkDetailsForm';
import { PackOffer } from './PackOffer';
import type { ClientConfig } from '../../../services/config';
import { useActor } from '../../../services/actor';
import { MapView } from '../../../map/MapView';
import { FindingsLayer } from '../../../map/FindingsLayer';
import { CapturePin, MapTap } from '../../../map/CapturePin';
import { WalkAreaOutline } from '../../../map/WalkAreaOutline';
import { LiveLocation } from '../../../map/LiveLocation';
import { usePositionWatch } from '../../../map/usePositionWatch';
import { FollowToggle, ReusePosition } from './WalkMapTools';
import { useAreaFindings, useFinding, useWalkFindings } from '../useSchouwData';
import { CaptureForm } from './CaptureForm';
import { FindingDetail } from './FindingDetail';
import { FindingList } from './FindingList';
import { areaLabel } from './FindingLabel';
import { placementReducer, startPlacement, type PlacementAction } from './placement';
import { PreviousFindings } from './PreviousFindings';
import { isPrevious, previousFindings } from './previous';
import { useMapEntries } from '../../../services/useMapEntries';
import { GpsMessage, PhotoNote, WalkHeader } from './WalkParts';
import { useGps } from './useGps';
import { useWalkWrites } from './useWalkWrites';
import { useAreaWorries, WorriesLayer, WorriesPanel } from '../../worries/WalkWorries';

interface Props {
  inspection: Inspection;
  area: Area;
  areas: readonly Area[];
  config: ClientConfig;
  onEnd: () => void;
  onChange: (c: InspectionChange) => Promise<string | null>;
}

type Mode = 'list' | 'capture' | 'move' | 'ending' | 'details';
const ignore = () => undefined;
const BASEMAP_KEY = 'schouwkaart.basemap';

export function WalkScreen({ inspection, area, areas, config, onEnd, onChange }: Props) {
  const { t } = useTranslation();
  const actor = useActor();
  const index = useMemo(() => buildAreaIndex(areas), [areas]);
  const areaNames = useMemo(() => new Map(areas.map((a) => [a.id, a.name])), [areas]);
  const writes = useWalkWrites(inspection, actor, index);
  const [now] = useState(() => new Date());

  // The map draws from the map index (a few rows); the area's full records, thousands perhaps, are
  // read for the list of previous findings after the map's first frame.
  const entries = useMapEntries();
  const onMap = useMemo(
    () => (entries ?? []).filter((e) => !e.removed && (e.inspectionId === inspection.id || (e.areaId === area.id && isPrevious(e, inspection)))),
    [entries, inspection, area.id],
  );
  const [mapDrawn, setMapDrawn] = useState(false);
  const onMapDrawn = useCallback(() => setMapDrawn(true), []);
  const readList = mapDrawn || (entries !== undefined && onMap.length === 0);
  const walkFindings = useWalkFindings(inspection.id);
  const areaFindings = useAreaFindings(readList ? area.id : undefined);
  const previous = useMemo(() => previousFindings(areaFindings ?? [], inspection, now), [areaFindings, inspection, now]);
  const previousWaiting = readList && areaFindings !== undefined ? 0 : onMap.filter((e) => e.inspectionId !== inspection.id).length;

  const worries = useAreaWorries(area.id);
  const [worryId, setWorryId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('list');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = useFinding(selectedId);
  const [status, setStatus] = useState('');
  const [captureNo, setCaptureNo] = useState(0);
  const [placement, setPlacement] = useState(startPlacement);
  const dispatch = useCallback((a: PlacementAction) => setPlacement((s) => placementReducer(s, a)), []);
  const position = usePositionWatch();
  useGps(mode === 'capture' ? captureNo : 0, position, dispatch);
  const [follow, setFollow] = useState(false);
  const [packOpen, setPackOpen] = useState(false);
  const basemapId = localStorage.getItem(BASEMAP_KEY) ?? 'brt';
  const template = (config.basemaps.find((b) => b.id === basemapId) ?? config.basemaps[0])?.url ?? '';

  const photoNoteKey = `schouwkaart.photoNote.${inspection.id}`;
  const [photoNote, setPhotoNote] = useState(false);
  const firstPhoto = useCallback(() => {
    if (sessionStorage.getItem(photoNoteKey)) return;
    sessionStorage.setItem(photoNoteKey, '1');
    setPhotoNote(true);
  }, [photoNoteKey]);

  const startCapture = () => {
    setSelectedId(null);
    setPlacement(startPlacement());
    setCaptureNo((n) => n + 1);
    setMode('capture');
    setStatus('');
  };
  const toList = () => setMode('list');
  const select = useCallback((id: string) => {
    setSelectedId(id);
    setMode('list');
  }, []);
  const tap = useCallback((p: [number, number]) => dispatch({ kind: 'tap', point: p }), [dispatch]);
  const drag = useCallback((p: [number, number]) => dispatch({ kind: 'drag', point: p }), [dispatch]);
  const placing = mode === 'capture' || mode === 'move';
  const placeLabel = placement.point
    ? t('schouw.placeAt', { area: areaLabel(index.areaOf(placement.point), areaNames, t('schouw.outside')) })
    : t('schouw.placeNone');

  return (
    <main className="layout walk" id="main">
      <aside className={`sidebar walk-side${mode === 'capture' ? ' capturing' : ''}`}>
        <WalkHeader inspection={inspection} area={area} onEnd={() => setMode('ending')} onDetails={() => setMode('details')} count={walkFindings?.length ?? 0} />
        <p role="status" className="form-ok">
          {status}
        </p>
        {photoNote && <PhotoNote onClose={() => setPhotoNote(false)} />}
        {mode === 'list' && template && <PackOffer area={area} template={template} inspectionId={inspection.id} open={packOpen} onOpen={setPackOpen} />}
        {mode === 'ending' ? (
          <EndWalkConfirm findings={walkFindings ?? []} onConfirm={onEnd} onCancel={toList} />
        ) : mode === 'details' ? (
          <>
            <WalkDetailsForm key={inspection.id} inspection={inspection} onSave={onChange} />
            <button type="button" className="btn" onClick={toList}>
              {t('schouw.backToWalk')}
            </button>
          </>
        ) : mode === 'capture' ? (
          <CaptureForm
            key={captureNo}
            hasPoint={placement.point !== null}
            placeLabel={placeLabel}
            onFirstPhoto={firstPhoto}
            onCancel={toList}
            onSave={async (draft) => {
              const error = await writes.create(placement.point!, draft);
              if (!error) {
                setStatus(t('schouw.savedFinding'));
                setMode('list');
              }
              return error;
            }}
          />
        ) : selected && selectedId && !selected.removed ? (
          <FindingDetail
            key={selected.id}
            finding={selected}
            areaNames={areaNames}
            moving={mode === 'move'}
            run={(commands, photos) => writes.run(selected.id, commands, photos)}
            onMove={() => {
              setPlacement(startPlacement([selected.point.coordinates[0]!, selected.point.coordinates[1]!]));
              setMode('move');
            }}
            onSaveMove={async () => {
              const error = placement.point ? await writes.move(selected.id, placement.point) : null;
              setStatus(error ?? t('schouw.moved'));
              if (!error) setMode('list');
            }}
            onCancelMove={toList}
            onBack={() => setSelectedId(null)}
            onRemoved={() => {
              setSelectedId(null);
              setStatus(t('schouw.removed'));
            }}
            onFirstPhoto={firstPhoto}
          />
        ) : (
          <>
            <FindingList findings={walkFindings ?? []} areaNames={areaNames} selectedId={selectedId} onSelect={select} />
            {previousWaiting > 0 && (
              <p className="muted" role="status">
                {t('schouw.previousLoading', { count: previousWaiting })}
              </p>
            )}
            <PreviousFindings
              items={previous}
              areaNames={areaNames}
              walkDate={inspection.startsAt.slice(0, 10)}
              run={(id, commands) => writes.run(id, commands)}
              onSelect={select}
            />
            <WorriesPanel
              worries={worries ?? []}
              actor={actor}
              inspectionId={inspection.id}
              selectedId={worryId}
              onSelect={setWorryId}
              onConfirmed={(id) => {
                setStatus(t('schouw.savedFinding'));
                select(id);
              }}
            />
          </>
        )}
      </aside>
      <div className="map-wrap">
        <MapView
          config={config}
          basemapId={basemapId}
          noBasemapAction={
            <button type="button" className="btn btn-primary" onClick={() => { setMode('list'); setPackOpen(true); }}>
              {t('walk.packDownload')}
            </button>
          }
        >
          <WalkAreaOutline area={area} />
          {/* While a pin is being placed a tap on a marker places the pin; it must not close the form. */}
          {entries && <FindingsLayer findings={onMap} selectedId={selectedId} onSelect={placing ? ignore : select} now={now} onFirstDraw={onMapDrawn} />}
          <WorriesLayer worries={worries ?? []} selectedId={worryId} onSelect={placing ? ignore : (id) => { setSelectedId(null); setMode('list'); setWorryId(id); }} />
          <LiveLocation position={position} follow={follow} />
          {placing && <MapTap onTap={tap} />}
          {placing && (
            <CapturePin
              point={placement.point}
              gps={mode === 'capture' ? placement.fix : null}
              label={t('schouw.pinLabel')}
              onMove={drag}
            />
          )}
        </MapView>
        {mode === 'capture' && <GpsMessage placement={placement} />}
        {mode === 'capture' && (placement.source === 'tap' || placement.source === 'drag') && (
          <ReusePosition position={position} onUse={(p) => dispatch({ kind: 'use_gps', ...p })} />
        )}
        {mode !== 'capture' && <FollowToggle position={position} follow={follow} onFollow={setFollow} />}
        {mode !== 'capture' && (
          <button type="button" className="add-finding" onClick={startCapture}>
            <span aria-hidden="true">+</span> {t('schouw.addFinding')}
          </button>
        )}
      </div>
    </main>
  );
}
