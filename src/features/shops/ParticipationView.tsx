import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measures, type Measure } from '../../domain/participation';
import { MapView } from '../../map/MapView';
import { ColouredAreasLayer } from '../../map/ColouredAreasLayer';
import { classColour, gradeClasses, percentClasses } from './colourScale';
import { ParticipationTable } from './ParticipationTable';
import { useAreaScores } from './useAreaScores';
import { useScoringTables } from './useScoringTables';
import type { ShopsData } from './useShopsData';

type Choice = Measure | 'grade';
const gradeFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The partners' view: areas coloured by a measure or by the certification grade, a legend, and the table twin. */
export function ParticipationView({ data }: { data: ShopsData }) {
  const { t } = useTranslation();
  const selectId = useId();
  const year = new Date().getFullYear();
  const [choice, setChoice] = useState<Choice>('partnershipMember');
  const scores = useAreaScores(data, year, useScoringTables(data.municipality).area);
  const config = data.config!;

  const valueOf = (id: string): number | null => {
    if (choice === 'grade') {
      // Only an area whose certification was worked on (answers or frozen) has a grade to show.
      const s = scores?.get(id);
      return s?.record && s.result.ok ? s.result.grade : null;
    }
    return data.report.areas[id]?.measures[choice].percent ?? null;
  };
  const classes = choice === 'grade' ? gradeClasses : percentClasses;
  const label = (id: string) => {
    const name = data.areaName(id) ?? id;
    const v = valueOf(id);
    if (v === null) return `${name}: —`;
    return choice === 'grade' ? `${name}: ${gradeFormat.format(v)}` : `${name}: ${v}%`;
  };
  const choiceName = choice === 'grade' ? t('shops.participation.grade') : t(`shops.flags.${choice}`);
  const basemapId = config.basemaps.some((b) => b.id === 'brt-grey') ? 'brt-grey' : config.basemaps[0]!.id;

  return (
    <section aria-labelledby="participation-title" className="panel">
      <h2 id="participation-title">{t('shops.participation.title')}</h2>
      <p className="intro">{t('shops.participation.intro')}</p>
      <div className="field field-inline">
        <label htmlFor={selectId}>{t('shops.participation.measure')}</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          {measures.map((m) => (
            <option key={m} value={m}>
              {t(`shops.flags.${m}`)}
            </option>
          ))}
          <option value="grade">{t('shops.participation.grade')}</option>
        </select>
      </div>
      <div className="partners-map">
        <MapView config={config} basemapId={basemapId}>
          <ColouredAreasLayer areas={data.areas} colourOf={(id) => classColour(classes, valueOf(id))} labelOf={label} />
        </MapView>
        <div className="map-overlay">
          <div className="legend" role="group" aria-label={`${t('shops.participation.legend')}: ${choiceName}`}>
            <strong>{choiceName}</strong>
            {classes.map((c) => (
              <span key={c.label} className="legend-item">
                <span className="swatch" style={{ background: c.colour, borderColor: '#222' }} aria-hidden="true" />
                {c.label}
              </span>
            ))}
            <span className="legend-item">
              <span className="swatch dashed" style={{ background: '#9e9e9e59', borderColor: '#222' }} aria-hidden="true" />
              {t('shops.participation.noData')}
            </span>
          </div>
        </div>
      </div>
      <p className="muted">{t('shops.participation.publicNote')}</p>
      <ParticipationTable data={data} year={year} scores={scores} />
    </section>
  );
}
