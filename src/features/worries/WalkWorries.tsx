/**
 * The walk's layer "meldingen van ondernemers" (issue 16, SPEC.md R48): the accepted worries of the
 * walked area on the map (their own marker) and in a list beside it, each to confirm as a finding
 * (the shopkeeper's text kept, linked) or to dismiss with a reason, offline like every walk write.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import L from 'leaflet';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker } from 'react-leaflet';
import { v7 as uuidv7 } from 'uuid';
import { findCategory } from '../../domain/categories';
import { toLatLng } from '../../domain/coords';
import type { Actor } from '../../domain/findingStatus';
import type { Worry } from '../../domain/worry';
import { db } from '../../services/db';
import { registerStrings } from '../../services/i18n';
import { confirmWorry, dismissWorry } from '../../storage/worriesRepo';
import { PhotoImage } from '../photos/PhotoThumb';
import { writeMessage } from '../schouw/writeMessage';
import { worriesStrings } from './i18n';
import './worries.css';

registerStrings('worries', worriesStrings);

export function useAreaWorries(areaId: string): Worry[] | undefined {
  return useLiveQuery(() => db.worries.where('areaId').equals(areaId).sortBy('submittedAt'), [areaId]);
}

// A DOM marker, unlike the findings' canvas: a handful per area, each a button for the keyboard too.
const worryIcon = (selected: boolean) =>
  L.divIcon({ className: `worry-marker${selected ? ' selected' : ''}`, html: '<span aria-hidden="true">!</span>', iconSize: [40, 40], iconAnchor: [20, 20] });

export function WorriesLayer({ worries, selectedId, onSelect }: { worries: readonly Worry[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const open = worries.filter((w) => w.status === 'accepted');
  return (
    <>
      {open.map((w) => (
        <Marker
          key={w.id}
          position={toLatLng(w.point.coordinates as [number, number])}
          icon={worryIcon(w.id === selectedId)}
          title={`${t('worries.layer')}: ${w.text}`}
          alt={w.text}
          eventHandlers={{ click: () => onSelect(w.id) }}
        />
      ))}
    </>
  );
}

interface PanelProps {
  worries: readonly Worry[];
  actor: Actor | undefined;
  inspectionId: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Called with the new finding after a confirmation, so the walk can open it. */
  onConfirmed: (findingId: string) => void;
}

export function WorriesPanel({ worries, actor, inspectionId, selectedId, onSelect, onConfirmed }: PanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const open = useMemo(() => worries.filter((w) => w.status === 'accepted'), [worries]);
  const checked = useMemo(() => worries.filter((w) => w.status !== 'accepted'), [worries]);
  if (worries.length === 0) return null;

  const confirm = async (w: Worry) => {
    if (!actor) return;
    const r = await confirmWorry(db, w.id, { id: uuidv7(), severity: 'medium', inspectionId }, actor);
    if (!r.ok) return setProblem(writeMessage(r, t, i18n.language));
    setProblem(null);
    onSelect(null);
    if (r.finding) onConfirmed(r.finding.id);
  };
  const dismiss = async (e: FormEvent, w: Worry) => {
    e.preventDefault();
    if (!actor) return;
    const r = await dismissWorry(db, w.id, reason, actor);
    if (!r.ok) return setProblem(writeMessage(r, t, i18n.language));
    setProblem(null);
    setDismissing(null);
    setReason('');
  };

  return (
    <section aria-labelledby="walk-worries-title" className="walk-worries">
      <h2 id="walk-worries-title">{t('worries.layerCount', { count: open.length })}</h2>
      <p className="muted">{t('worries.layerIntro')}</p>
      {problem && <p role="alert" className="form-error">{problem}</p>}
      <ul className="worries-list">
        {open.map((w) => (
          <li key={w.id} className={`worry-item${w.id === selectedId ? ' selected' : ''}`} data-worry={w.id}>
            <button type="button" className="worry-show" aria-pressed={w.id === selectedId} onClick={() => onSelect(w.id === selectedId ? null : w.id)}>
              <span className="worry-text">{w.text}</span>
              <span className="worry-meta">{findCategory(w.categoryCode)?.category.labels[lang] ?? w.categoryCode}</span>
            </button>
            {/* The shopkeeper's photo (downscaled and stripped on the server, R47); the finding it becomes keeps it. */}
            {w.photoHash && <PhotoImage hash={w.photoHash} alt={t('worries.photoOf', { text: w.text })} size="thumb" className="worry-photo" lazy />}
            {dismissing === w.id ? (
              <form onSubmit={(e) => void dismiss(e, w)} className="worry-dismiss">
                <label>
                  {t('worries.dismissReason')}
                  <input type="text" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
                </label>
                <div className="worry-actions">
                  <button type="submit" className="btn">{t('worries.dismissSave')}</button>
                  <button type="button" className="btn" onClick={() => setDismissing(null)}>{t('worries.cancel')}</button>
                </div>
              </form>
            ) : (
              <div className="worry-actions">
                <button type="button" className="btn btn-primary" onClick={() => void confirm(w)}>{t('worries.confirm')}</button>
                <button type="button" className="btn" onClick={() => { setDismissing(w.id); setReason(''); }}>{t('worries.dismiss')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {checked.length > 0 && (
        <ul className="worries-list checked">
          {checked.map((w) => (
            <li key={w.id} className="worry-item muted">
              <span className="worry-text">{w.text}</span>{' '}
              <span className="worry-meta">{w.status === 'confirmed' ? t('worries.confirmed') : t('worries.dismissed', { reason: w.dismissReason ?? '' })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
