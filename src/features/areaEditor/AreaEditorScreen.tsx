import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useRoute } from 'wouter';
import type { ClientConfig } from '../../services/config';
import { db } from '../../services/db';
import { useAppData } from '../../services/useAppData';
import { useOnline } from '../../services/useOnline';
import { hasRole, useSession } from '../../services/session';
import type { Area } from '../../domain/area';
import { shopsMovedByEdit } from '../../domain/areaEdit';
import type { Shop } from '../../domain/shop';
import { MapView } from '../../map/MapView';
import { kvoStatusColours } from '../../map/areaStyle';
import { refreshAreas } from '../../services/refreshAreas';
import { EditorMap } from './EditorMap';
import { EditorPanel } from './EditorPanel';
import { ImportPanel } from './ImportPanel';
import { useAreaDraft } from './useAreaDraft';
import { useBagProposal } from './useBagProposal';

const BagPremisesLayer = lazy(() => import('../../map/BagPremisesLayer'));
import './areaEditor.css';

const NEW = 'nieuw';
const noShops: Shop[] = [];

/** The coordinator's area editor: /gebieden/bewerken (list, import, export), /nieuw, /<area id>. */
export default function AreaEditorScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const { config, areas } = useAppData(online);
  const m = config?.municipality.id ?? null;
  const shops = useLiveQuery(() => (m ? db.shops.where('municipality').equals(m).toArray() : Promise.resolve(noShops)), [m]) ?? noShops;
  const [, params] = useRoute('/:id');
  const id = params?.id ?? null;
  const sorted = useMemo(() => [...(areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')), [areas]);

  if (!config || !m || !areas) return <main className="layout" id="main"><p className="banner">…</p></main>;
  const base = id && id !== NEW ? (sorted.find((a) => a.id === id) ?? null) : null;
  if (id && id !== NEW && !base) {
    return (
      <main className="editor-screen" id="main">
        <p role="alert">{t('areas.notFound')}</p>
        <Link href="/">{t('areaEditor.toList')}</Link>
      </main>
    );
  }
  if (!id) return <EditorHome config={config} areas={sorted} />;
  return <EditorView key={`${m}/${id}`} config={config} base={base} areas={sorted} shops={shops} />;
}

function EditorHome({ config, areas }: { config: ClientConfig; areas: Area[] }) {
  const { t } = useTranslation();
  const m = config.municipality.id;
  const refresh = useCallback(async () => void (await refreshAreas(db, m)), [m]);
  return (
    <main className="layout editor-screen" id="main">
      <aside className="sidebar">
        <h2>{t('areaEditor.title')} · {config.municipality.name}</h2>
        <p className="intro">{t('areaEditor.intro')}</p>
        <CoordinatorNote />
        <p className="editor-new">
          <Link href={`/${NEW}`} className="btn btn-primary">{t('areaEditor.newArea')}</Link>
        </p>
        <section className="area-list editor-area-list" aria-labelledby="editor-list-title">
          <h3 id="editor-list-title">
            {t('areaEditor.list')} <span className="muted">({areas.length})</span>
          </h3>
          <ul>
            {areas.map((a) => (
              <li key={a.id}>
                <Link href={`/${encodeURIComponent(a.id)}`} className="area-item">
                  <span className="swatch" style={{ background: kvoStatusColours[a.kvoStatus] }} aria-hidden="true" />
                  <span className="area-name">{a.name}</span>
                  <span className="area-meta">
                    {t(`areas.kinds.${a.kind}`)} · {t(`areas.statuses.${a.kvoStatus}`)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <ImportPanel municipality={m} onApplied={refresh} />
        <p>
          <Link href="~/" className="btn-back">← {t('areaEditor.back')}</Link>
        </p>
      </aside>
      <div className="map-wrap">
        <MapView config={config} basemapId="brt-grey">
          <EditorMap neighbours={areas} draft={null} draftKey="" fitKey="" tool="none" overlaps={[]} moved={{ in: [], out: [] }} onChange={() => undefined} onDrawn={() => undefined} />
        </MapView>
      </div>
    </main>
  );
}

function EditorView({ config, base, areas, shops }: { config: ClientConfig; base: Area | null; areas: Area[]; shops: Shop[] }) {
  const { t } = useTranslation();
  const m = config.municipality.id;
  const d = useAreaDraft(base);
  const [, navigate] = useLocation();
  const neighbours = useMemo(() => areas.filter((a) => a.id !== base?.id && a.id !== d.mergedWith?.id), [areas, base, d.mergedWith]);
  const moved = useMemo(() => shopsMovedByEdit(base?.geometry ?? null, d.draft, shops), [base, d.draft, shops]);
  const neighbourShapes = useMemo(() => neighbours.map((a) => a.geometry), [neighbours]);
  const proposal = useBagProposal(m, d, config.municipality.boundary ?? null, neighbourShapes);

  const onChanged = useCallback(
    async (id: string | null) => {
      await refreshAreas(db, m);
      if (id === null) return navigate('/');
      if (!base) return navigate(`/${encodeURIComponent(id)}`);
      const now = await db.areas.get(id);
      if (now) {
        d.replace(now.geometry);
        d.setFields({ name: now.name, kind: now.kind, kvoStatus: now.kvoStatus });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [m, base, navigate],
  );

  return (
    <main className="layout editor-screen" id="main">
      <aside className="sidebar">
        <p>
          <Link href="/" className="btn-back">← {t('areaEditor.toList')}</Link>
        </p>
        <CoordinatorNote />
        <EditorPanel municipality={m} base={base} areas={areas} shops={shops} d={d} proposal={proposal} onChanged={onChanged} />
      </aside>
      <div className="map-wrap">
        <MapView config={config} basemapId="brt-grey">
          <EditorMap
            neighbours={neighbours}
            draft={d.draft}
            draftKey={d.draftKey}
            fitKey={base?.id ?? NEW}
            tool={d.tool}
            overlaps={d.overlaps}
            moved={moved}
            onChange={d.setDraft}
            onDrawn={d.drawn}
          />
          {(proposal.premises || proposal.proposal) && (
            <Suspense fallback={null}>
              <BagPremisesLayer premises={proposal.premises ?? []} proposal={proposal.proposal?.geometry ?? null} fitProposal />
            </Suspense>
          )}
        </MapView>
      </div>
    </main>
  );
}

/** Anyone may look; only a coordinator can save (the server checks). Says so before the work is done. */
function CoordinatorNote() {
  const { t } = useTranslation();
  if (hasRole(useSession(), 'coordinator')) return null;
  return (
    <p className="banner banner-warn">
      {t('areaEditor.coordinatorOnly')} <Link href="~/inloggen">{t('areaEditor.login')}</Link>
    </p>
  );
}
