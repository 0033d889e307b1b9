import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCachedConfig } from '../../services/configCache';
import { mayDo } from '../../services/access';
import { useSession } from '../../services/session';
import { useCurrentMunicipality } from '../owners/useOrganisations';
import './i18n';
import { LettersView } from './LettersView';
import { LinksPanel } from './LinksPanel';
import { ResultsPanel } from './ResultsPanel';
import { SetupPanel } from './SetupPanel';
import { surveyApi, type SurveyLetter, type SurveyOverview } from './surveyApi';
import './survey.css';

type Tab = 'setup' | 'links' | 'results';

/** /beheer/enquete: the coordinator's shop survey for the municipality chosen in the app (R30). */
export default function SurveyScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const municipality = useCurrentMunicipality();
  const allowed = mayDo(session, 'manageSurvey') && session.user !== null;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [tab, setTab] = useState<Tab>('setup');
  const [overview, setOverview] = useState<SurveyOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [letters, setLetters] = useState<{ list: SurveyLetter[]; reminder: boolean } | null>(null);
  const config = loadCachedConfig();
  const municipalityName = (config?.municipalities ?? (config ? [config.municipality] : [])).find((m) => m.id === municipality)?.name ?? municipality;

  const load = useCallback(async () => {
    const r = await surveyApi.overview(municipality, year);
    if (r.ok) {
      setOverview(r.value);
      setError(null);
    } else setError(r.error === 'offline' ? t('survey.error_offline') : t('survey.error_generic', { reason: r.error }));
  }, [municipality, year, t]);
  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed) {
    return (
      <main className="screen survey-screen" id="main">
        <h2>{t('survey.title')}</h2>
        <p className="banner banner-warn">{t('survey.notAllowed')}</p>
      </main>
    );
  }
  if (letters) {
    return (
      <main className="screen survey-screen" id="main">
        <LettersView letters={letters.list} reminder={letters.reminder} municipalityName={municipalityName} threshold={overview?.setup?.threshold ?? 5} onBack={() => setLetters(null)} />
      </main>
    );
  }
  const years = [...new Set([new Date().getFullYear() + 1, new Date().getFullYear(), ...(overview?.years ?? [])])].sort((a, b) => b - a);
  return (
    <main className="screen survey-screen" id="main">
      <h2>{t('survey.title')}</h2>
      <p className="muted">{t('survey.intro')}</p>
      <label>
        {t('survey.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <div className="survey-tabs" role="group">
        {(['setup', 'links', 'results'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} disabled={k !== 'setup' && !overview?.setup} onClick={() => setTab(k)}>
            {t(`survey.tab${k[0]!.toUpperCase()}${k.slice(1)}`)}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!overview && !error && <p>{t('survey.loading')}</p>}
      {overview && tab === 'setup' && <SetupPanel key={`${overview.municipality}/${overview.year}`} municipality={municipality} overview={overview} onSaved={() => void load()} />}
      {overview?.setup && tab === 'links' && <LinksPanel municipality={municipality} year={year} onLetters={(list, reminder) => setLetters({ list, reminder })} />}
      {overview?.setup && tab === 'results' && <ResultsPanel municipality={municipality} year={year} />}
    </main>
  );
}
