import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ClientConfig } from './config';
import { loadCachedConfig } from './configCache';
import { db } from './db';
import { applyMunicipalityChoice, useMunicipalityChoice } from './municipalityChoice';
import type { RefreshResult } from './refreshAreas';
import type { Area } from '../domain/area';

export interface AppData {
  config: ClientConfig | null;
  configError: string | null;
  areas: Area[] | undefined;
  lastRefresh: RefreshResult | null;
}

/**
 * The device copy is shown at once; the server's copy replaces it when it arrives. Offline, the
 * last config and areas stay in use.
 */
export function useAppData(online: boolean): AppData {
  const [serverConfig, setConfig] = useState<ClientConfig | null>(() => loadCachedConfig());
  const choice = useMunicipalityChoice();
  const config = useMemo(() => applyMunicipalityChoice(serverConfig, choice), [serverConfig, choice]);
  const [configError, setConfigError] = useState<string | null>(null);
  const [lastRefresh, setLastRefresh] = useState<RefreshResult | null>(null);
  const municipality = config?.municipality.id;

  const refresh = useCallback(async () => {
    try {
      // Loaded after the first paint: the device copy is already on screen.
      const [{ fetchConfig }, { refreshAreas }] = await Promise.all([import('./config'), import('./refreshAreas')]);
      const c = await fetchConfig();
      setConfig(c);
      setConfigError(null);
      setLastRefresh(await refreshAreas(db, applyMunicipalityChoice(c, choice)!.municipality.id));
    } catch (e) {
      setConfigError(e instanceof Error ? e.message : String(e));
    }
  }, [choice]);

  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);

  const areas = useLiveQuery(
    () => (municipality ? db.areas.where('municipality').equals(municipality).toArray() : Promise.resolve([] as Area[])),
    [municipality],
  );
  return { config, configError, areas, lastRefresh };
}
