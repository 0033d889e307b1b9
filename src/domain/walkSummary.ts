import { defaultCategories, findCategory, type CategoryList } from './categories';
import type { Finding, Severity } from './finding';

export interface ThemeSummary {
  themeCode: string;
  count: number;
  bySeverity: Record<Severity, number>;
  /** Category code → count, only categories that occur. */
  byCategory: Record<string, number>;
}

/** What a walk found, per theme in the list's order; removed findings do not count. */
export function summariseByTheme(
  findings: readonly Pick<Finding, 'categoryCode' | 'severity' | 'removed'>[],
  list: CategoryList = defaultCategories,
): { total: number; themes: ThemeSummary[] } {
  const themes = list.map<ThemeSummary>((t) => ({
    themeCode: t.code,
    count: 0,
    bySeverity: { low: 0, medium: 0, high: 0 },
    byCategory: {},
  }));
  let total = 0;
  for (const f of findings) {
    if (f.removed) continue;
    const match = findCategory(f.categoryCode, list);
    const row = match && themes.find((t) => t.themeCode === match.theme.code);
    if (!row) continue;
    total += 1;
    row.count += 1;
    row.bySeverity[f.severity] += 1;
    row.byCategory[f.categoryCode] = (row.byCategory[f.categoryCode] ?? 0) + 1;
  }
  return { total, themes };
}
