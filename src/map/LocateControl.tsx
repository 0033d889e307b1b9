import { useState } from 'react';
import { Circle, CircleMarker, useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { toLatLng } from '../domain/coords';

type State =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'found'; lonLat: [number, number]; accuracy: number }
  | { kind: 'error'; reason: string };

export function LocateControl() {
  const map = useMap();
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  function locate() {
    if (!('geolocation' in navigator)) {
      setState({ kind: 'error', reason: 'geen GPS' });
      return;
    }
    setState({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const lonLat: [number, number] = [pos.coords.longitude, pos.coords.latitude];
        setState({ kind: 'found', lonLat, accuracy: pos.coords.accuracy });
        map.flyTo(toLatLng(lonLat), Math.max(map.getZoom(), 17), { duration: 0.6 });
      },
      (err) => setState({ kind: 'error', reason: err.message || String(err.code) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 10_000 },
    );
  }

  return (
    <>
      <div className="leaflet-top leaflet-right">
        <div className="leaflet-control locate-control">
          <button type="button" className="btn btn-map" onClick={locate} aria-busy={state.kind === 'locating'}>
            <span aria-hidden="true">◎</span> {state.kind === 'locating' ? t('map.locating') : t('map.locate')}
          </button>
          {state.kind === 'error' && (
            <p role="alert" className="map-message">
              {t('map.locateDenied', { reason: state.reason })}
            </p>
          )}
          {state.kind === 'found' && (
            <p className="map-message" role="status">
              {t('map.accuracy', { m: Math.round(state.accuracy) })}
            </p>
          )}
        </div>
      </div>
      {state.kind === 'found' && (
        <>
          <Circle center={toLatLng(state.lonLat)} radius={state.accuracy} pathOptions={{ color: '#1f5fbf', weight: 1, fillOpacity: 0.1 }} />
          <CircleMarker center={toLatLng(state.lonLat)} radius={8} pathOptions={{ color: '#fff', weight: 3, fillColor: '#1f5fbf', fillOpacity: 1 }} />
        </>
      )}
    </>
  );
}
