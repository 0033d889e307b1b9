/** Turns codes into words in the person's language, one place for the follow-up screens. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../domain/area';
import { findCategory, type Lang } from '../../domain/categories';
import type { Finding, FindingOwner } from '../../domain/finding';
import type { Inspection } from '../../domain/inspection';
import { csvColumns, type ExportLabels } from '../../domain/findingExport';
import type { HistoryLabels } from './historyText';
import { useOrganisations } from '../owners/useOrganisations';

export function formatDay(isoDay: string, lang: Lang): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

export function useLabels(areas: readonly Area[] | undefined, inspections: readonly Inspection[] | undefined) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const organisations = useOrganisations();
  return useMemo(() => {
    const ownerNames = new Map(organisations.map((o) => [o.id, o.name]));
    const areaNames = new Map((areas ?? []).map((a) => [a.id, a.name]));
    const area = (id: string | null) => (id === null ? t('followup.none.area') : (areaNames.get(id) ?? id));
    const inspection = (id: string | undefined) => {
      if (!id) return t('followup.none.inspection');
      const i = inspections?.find((x) => x.id === id);
      return i ? `${area(i.areaId)} ${formatDay(i.startsAt.slice(0, 10), lang)}` : id.slice(0, 8);
    };
    // The organisation's name as the coordinator keeps it; an id the device does not know (yet) as the old label or itself.
    const owner = (o: FindingOwner | null) =>
      o === null ? t('followup.none.owner') : (ownerNames.get(o) ?? t(`followup.owners.${o}`, { defaultValue: o }));
    const status = (s: string) => t(`followup.statuses.${s}`);
    const category = (code: string) => findCategory(code)?.category.labels[lang] ?? code;
    /** How a finding is named in lists and messages: category and area. */
    const findingName = (f: Finding) => t('followup.findingTitle', { category: category(f.categoryCode), area: area(f.areaId) });
    const exportLabels: ExportLabels = {
      lang,
      area,
      status,
      owner: (o) => (o === null ? '' : owner(o)),
      severity: (s) => t(`followup.severities.${s}`),
      inspection: (id) => (id ? inspection(id) : ''),
      yes: t('followup.yes'),
      no: t('followup.no'),
      headers: Object.fromEntries(csvColumns.map((c) => [c, t(`followup.csvHeaders.${c}`)])) as ExportLabels['headers'],
    };
    const history = (findings: readonly Finding[]): HistoryLabels => ({
      kind: (k) => t(`followup.kinds.${k}`),
      status,
      owner: (o) => (o === null ? t('followup.nothing') : owner(o)),
      area,
      category,
      severity: (s) => t(`followup.severities.${s}`),
      date: (d) => (d === null ? t('followup.nothing') : formatDay(d, lang)),
      findingRef: (id) => {
        const f = findings.find((x) => x.id === id);
        return f ? findingName(f) : (id ?? t('followup.nothing'));
      },
      yes: t('followup.yes'),
      no: t('followup.no'),
    });
    return { lang, areaNames, area, inspection, owner, organisations, status, category, findingName, exportLabels, history };
  }, [areas, inspections, t, lang, organisations]);
}
export type Labels = ReturnType<typeof useLabels>;
