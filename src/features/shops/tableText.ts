import type { TFunction } from 'i18next';
import type { AreaQuestion } from '../../domain/scoring/areaCertification';
import type { ProgrammeQuestion } from '../../domain/scoring/programmeChecklist';
import { fmt1 } from './format';

/** How a question gives its points, in plain words (shops.tables.describe.*). */
export function describeQuestion(q: AreaQuestion | ProgrammeQuestion, t: TFunction, lang: string): string {
  const n = (x: number) => fmt1(x, lang).replace(/[,.]0$/, '');
  switch (q.kind) {
    case 'yes_no':
      return t('shops.tables.describe.yes_no', { yes: n(q.points.yes), no: n(q.points.no) });
    case 'yes_no_partly':
      return t('shops.tables.describe.yes_no_partly', { yes: n(q.points.yes), no: n(q.points.no), partly: n(q.partlyMaxPoints) });
    case 'engagement':
      return t('shops.tables.describe.engagement', { max: n(q.maxPoints) });
    case 'count_per_ten':
      return t('shops.tables.describe.count_per_ten', { per: n(q.pointsPerTen), max: n(q.maxPoints) });
    case 'count_linear':
      return t('shops.tables.describe.count_linear', { per: n(q.pointsPerItem), max: n(q.maxPoints) });
    case 'count_bands':
      return t('shops.tables.describe.count_bands', {
        bands: q.bands.map((b) => t('shops.tables.describe.band', { from: b.from, points: n(b.points) })).join('; '),
      });
    case 'percent':
      return t('shops.tables.describe.percent', { max: n(q.maxPoints) });
    case 'share':
      return t('shops.tables.describe.share', { max: n(q.maxPoints) });
  }
}

/** The label of an editable parameter (`q9.bands.1.from` → "Schijf 2: vanaf aantal"). */
export function paramLabel(field: string, t: TFunction): string {
  const band = /^bands\.(\d+)\.(from|points)$/.exec(field);
  if (band) return t(band[2] === 'from' ? 'shops.tables.field.bandFrom' : 'shops.tables.field.bandPoints', { n: Number(band[1]) + 1 });
  const key = field === 'points.yes' ? 'pointsYes' : field === 'points.no' ? 'pointsNo' : field;
  return t(`shops.tables.field.${key}`);
}

/** "2,5" or "2.5" → 2.5; anything else → NaN. */
export function parseNumber(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}
