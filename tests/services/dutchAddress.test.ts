import { describe, expect, it } from 'vitest';
import { reasonCodes, reasonMessage } from '../../src/domain/reasons';
import { AREA_CERTIFICATION_TABLE } from '../../src/domain/scoring/areaCertification';
import { PROGRAMME_CHECKLIST_TABLE } from '../../src/domain/scoring/programmeChecklist';
import { nl as shell } from '../../src/services/i18n/nl';
import { peopleStrings } from '../../src/services/people';
import { syncStrings } from '../../src/sync/i18n';

/**
 * One form of address in Dutch: "je/jij/jouw", never "u/uw". Scans every Dutch catalogue (the shell's,
 * every src/features/* i18n module, found by file name so a new feature is scanned too, sync, names,
 * the reasons for refused changes, the scoring tables' explanations) and says which key holds a formal word.
 */
const featureModules = import.meta.glob<Record<string, unknown>>(['../../src/features/*/i18n*.ts', '../../src/features/*/strings*.ts'], { eager: true });

function dutchCatalogues(): Record<string, unknown> {
  const found: Record<string, unknown> = { shell, sync: syncStrings.nl, people: peopleStrings.nl };
  for (const [file, mod] of Object.entries(featureModules)) {
    for (const [name, value] of Object.entries(mod)) {
      const v = value as { nl?: unknown };
      // `{ nl, en }` bundles, or a module's own `nl`/`shopsNl` object.
      if (v && typeof v === 'object' && 'nl' in v) found[`${file}:${name}`] = v.nl;
      else if (/nl$/i.test(name) && v && typeof v === 'object') found[`${file}:${name}`] = v;
    }
  }
  found.reasons = Object.fromEntries(reasonCodes.map((c) => [c, reasonMessage(c, 'nl')]));
  // The "waarom?" explanations of the scoring tables are shown too.
  found.readings = [...AREA_CERTIFICATION_TABLE.readings, ...PROGRAMME_CHECKLIST_TABLE.readings].map((r) => r.nl);
  return found;
}

function strings(o: unknown, path: string): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

const formal = /(?<![\p{L}\p{N}'’-])(u|uw|uzelf|U|Uw)(?![\p{L}\p{N}'’-])/u;

describe('Dutch form of address', () => {
  it('scans the feature catalogues it should (found by file name)', () => {
    const names = Object.keys(dutchCatalogues()).join(' ');
    for (const feature of ['auth', 'followup', 'schouw', 'shops', 'offline', 'partners', 'areaEditor']) expect(names).toContain(`/features/${feature}/`);
  });

  it('no Dutch string says "u" or "uw"', () => {
    const offending = Object.entries(dutchCatalogues())
      .flatMap(([name, catalogue]) => strings(catalogue, name))
      // The shopkeepers' own pages (the worry page here; the survey page keeps its own word list) speak to
      // businesses the way the municipality's letters do, with "u"; the app's users are addressed with "je".
      .filter(([key]) => !key.includes('publicStrings.worry.'))
      .filter(([, text]) => formal.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it('the check itself catches the formal forms and leaves words that merely contain the letter', () => {
    for (const bad of ['Dit mag u niet.', 'Uw sessie is verlopen.', 'Log in, u bent uitgelogd', 'Wijzig uw wachtwoord']) expect(formal.test(bad)).toBe(true);
    for (const fine of ['Je sessie is verlopen.', 'uur', 'Utrecht', 'u-bocht', 'jouw rol', 'nu']) expect(formal.test(fine)).toBe(false);
  });
});
