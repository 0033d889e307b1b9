import { describe, expect, it } from 'vitest';
import { emptyFilter, facetCounts, filterFindings, findingYear, setFacet } from '../../src/domain/followupFilter';
import { amsterdamDate } from '../../src/domain/overdue';
import { finding } from './followupFixtures';
import { entryOf } from '../../src/storage/mapIndexColumns';

const now = new Date('2026-06-10T10:00:00Z');
const insp = '11111111-1111-7111-8111-111111111111';
const a = finding({ areaId: 'binnenstad', owner: 'police', status: 'assigned', dueDate: '2026-05-01', inspectionId: insp });
const b = finding({ areaId: 'binnenstad', owner: 'municipality', status: 'assigned', dueDate: '2026-07-01', inspectionId: insp });
const c = finding({ areaId: 'colmschate', categoryCode: 'graffiti_vandalism', dueDate: '2026-04-01' });
const d = finding({ areaId: null, status: 'fixed', fixNote: 'klaar', dueDate: '2026-04-01', createdAt: '2025-12-31T23:30:00.000Z' });
const gone = finding({ areaId: 'binnenstad', removed: true });
const all = [a, b, c, d, gone];

describe('filtering the follow-up list', () => {
  it('with no filter shows every finding that is not removed, in the given order', () => {
    expect(filterFindings(all, emptyFilter, now)).toEqual([a, b, c, d]);
  });

  it('combines facets: one area and overdue gives only that area’s overdue findings', () => {
    expect(filterFindings(all, { ...emptyFilter, area: 'binnenstad', overdue: 'yes' }, now)).toEqual([a]);
  });

  it('a fixed finding past its due date is not overdue', () => {
    expect(filterFindings(all, { ...emptyFilter, overdue: 'yes' }, now)).toEqual([a, c]);
  });

  it('filters by theme, category, owner, inspection and "none" values', () => {
    expect(filterFindings(all, { ...emptyFilter, theme: 'overlast' }, now)).toEqual([c]);
    expect(filterFindings(all, { ...emptyFilter, category: 'lighting' }, now)).toEqual([a, b, d]);
    expect(filterFindings(all, { ...emptyFilter, owner: 'police' }, now)).toEqual([a]);
    expect(filterFindings(all, { ...emptyFilter, owner: '-' }, now)).toEqual([c, d]);
    expect(filterFindings(all, { ...emptyFilter, inspection: insp }, now)).toEqual([a, b]);
    expect(filterFindings(all, { ...emptyFilter, area: '-' }, now)).toEqual([d]);
  });

  it('gives the map index entries the same findings and counts as the full records, so the map and the list agree', () => {
    const entries = all.map(entryOf);
    for (const filter of [emptyFilter, { ...emptyFilter, overdue: 'yes' }, { ...emptyFilter, owner: '-' }, { ...emptyFilter, inspection: '-' }, { ...emptyFilter, year: '2026', theme: 'overlast' }]) {
      expect(filterFindings(entries, filter, now).map((e) => e.id)).toEqual(filterFindings(all, filter, now).map((f) => f.id));
      expect(facetCounts(entries, filter, now)).toEqual(facetCounts(all, filter, now));
    }
  });

  it('takes the year in Amsterdam: 23:30 UTC on 31 December is already the next year there', () => {
    expect(findingYear(d)).toBe('2026');
    expect(filterFindings(all, { ...emptyFilter, year: '2025' }, now)).toEqual([]);
  });

  it('the quick year of a UTC instant agrees with the Amsterdam calendar every hour around both new years and the clock changes', () => {
    const starts = ['2025-12-30T00:00:00.000Z', '2026-03-28T00:00:00.000Z', '2026-10-24T00:00:00.000Z', '2026-12-30T12:00:00.000Z'];
    for (const start of starts) {
      for (let h = 0; h < 72; h++) {
        const at = new Date(Date.parse(start) + h * 3_600_000 + 59 * 60_000).toISOString();
        expect(findingYear({ createdAt: at }), at).toBe(amsterdamDate(new Date(at)).slice(0, 4));
      }
    }
    // Not a UTC instant: left to the formatter, which reads the offset.
    expect(findingYear({ createdAt: '2026-06-30T23:30:00+02:00' })).toBe('2026');
  });
});

describe('counts per filter value', () => {
  it('count each value over the findings that pass the other facets, so a count is what choosing it would show', () => {
    const counts = facetCounts(all, { ...emptyFilter, area: 'binnenstad' }, now);
    // Area counts ignore the chosen area itself.
    expect(Object.fromEntries(counts.area)).toEqual({ binnenstad: 2, colmschate: 1, '-': 1 });
    // Other facets count within Binnenstad only.
    expect(Object.fromEntries(counts.overdue)).toEqual({ yes: 1, no: 1 });
    expect(Object.fromEntries(counts.owner)).toEqual({ police: 1, municipality: 1 });
  });

  it('never counts removed findings', () => {
    const counts = facetCounts([gone], emptyFilter, now);
    expect(counts.area.size).toBe(0);
  });
});

describe('changing a filter', () => {
  it('choosing another theme drops a category that is not in it', () => {
    expect(setFacet({ ...emptyFilter, category: 'lighting' }, 'theme', 'overlast')).toMatchObject({ theme: 'overlast', category: '' });
    expect(setFacet({ ...emptyFilter, category: 'lighting' }, 'theme', 'sociale_veiligheid')).toMatchObject({ category: 'lighting' });
  });
});
