import { describe, expect, it } from 'vitest';
import { AREA_CERTIFICATION_TABLE } from '../../../src/domain/scoring/areaCertification';
import { mergeRespondents, PROGRAMME_CHECKLIST_TABLE, scoreRespondent } from '../../../src/domain/scoring/programmeChecklist';
import { applyCorrection, editableParams, nextVersion, type Changes } from '../../../src/domain/scoring/tableCorrection';

const programme = PROGRAMME_CHECKLIST_TABLE;
const fix = (changes: Changes, why = 'bron gecorrigeerd') => applyCorrection('programme', programme, { changes, why, version: 'v2' });

describe('editable parameters', () => {
  it('are the numbers of the questions a reading is about, plus the pass grade', () => {
    const keys = editableParams(programme).map((p) => p.key);
    expect(keys).toContain('passGrade');
    for (const k of ['q5.pointsPerTen', 'q5.maxPoints', 'q9.bands.1.from', 'q9.bands.2.points', 'q10.pointsPerItem', 'q11.maxPoints', 'q12.points.yes', 'q15.points.yes']) {
      expect(keys).toContain(k);
    }
    // q19 has no reading but is a counting rule; q2 (a plain yes/no) is not correctable.
    expect(keys).toContain('q19.bands.2.from');
    expect(keys.some((k) => k.startsWith('q2.'))).toBe(false);
    expect(editableParams(AREA_CERTIFICATION_TABLE).map((p) => p.key)).toContain('q2.maxPoints');
  });
});

describe('next version', () => {
  it.each([
    ['kvo-w-deventer/programme/2021.1', [], 'kvo-w-deventer/programme/2021.2'],
    ['2026-1', [], '2026-2'],
    ['2026-1', ['2026-2'], '2026-3'],
    ['default', [], 'default-2'],
  ])('%s (taken %j) → %s', (current, taken, next) => {
    expect(nextVersion(current, taken)).toBe(next);
  });
});

describe('applying a correction', () => {
  it.each<[string, Changes, string, string, Record<string, string>]>([
    ['no reason given', { 'q9.bands.1.from': 25 }, '  ', 'no_why', { why: 'invalid' }],
    ['nothing changed', { 'q9.bands.1.from': 20 }, 'x', 'no_change', {}],
    ['a parameter no reading concerns', { 'q2.points.yes': 5 }, 'x', 'unknown_param', { 'q2.points.yes': 'invalid' }],
    ['negative points', { 'q12.points.yes': -1 }, 'x', 'invalid_table', { 'q12.points.yes': 'negative' }],
    ['two decimals', { 'q10.pointsPerItem': 0.15 }, 'x', 'invalid_table', { 'q10.pointsPerItem': 'one_decimal' }],
    ['not a number', { 'q5.pointsPerTen': Number.NaN }, 'x', 'invalid_table', { 'q5.pointsPerTen': 'not_a_number' }],
    ['a band threshold with decimals', { 'q9.bands.1.from': 20.5 }, 'x', 'invalid_table', { 'q9.bands.1.from': 'whole_number' }],
    ['bands that do not go up', { 'q9.bands.2.from': 20 }, 'x', 'invalid_table', { 'q9.bands.2.from': 'bands_not_rising' }],
    ['a first band above 0', { 'q9.bands.0.from': 5 }, 'x', 'invalid_table', { 'q9.bands.0.from': 'first_band_zero' }],
    ['a pass grade above 10', { passGrade: 11 }, 'x', 'invalid_table', { passGrade: 'too_big' }],
  ])('refuses %s', (_name, changes, why, reason, problems) => {
    const r = fix(changes, why);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.problems).toEqual(problems);
  });

  it('makes a new table with the new version and a reading, leaving the old one as it was', () => {
    const r = fix({ 'q9.bands.1.from': 30, 'q5.pointsPerTen': 1, 'q12.points.yes': 10 }, 'bron zegt 30-40');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed.sort()).toEqual(['q5.pointsPerTen', 'q9.bands.1.from']);
    expect(r.table.version).toBe('v2');
    expect(r.table.readings.at(-1)).toMatchObject({ id: 'correction_v2', questions: ['q9', 'q5'] });
    expect(r.table.readings.at(-1)!.nl).toContain('bron zegt 30-40');
    expect(programme.version).toBe('kvo-w-deventer/programme/2021.1');
    const q9 = programme.questions.find((q) => q.id === 'q9')!;
    expect('bands' in q9 && q9.bands[1]!.from).toBe(20);

    // 25 shops: 5 points before, 0 after; 47 attendees: 8 before, 4 after. Scores name the version.
    const before = scoreRespondent(programme, { q9: 25, q5: 47 });
    const after = scoreRespondent(r.table, { q9: 25, q5: 47 });
    if (!before.ok || !after.ok) throw new Error('refused');
    const pts = (s: typeof before, id: string) => s.questions.find((q) => q.id === id)!.points;
    expect([pts(before, 'q9'), pts(after, 'q9')]).toEqual([5, 0]);
    expect([pts(before, 'q5'), pts(after, 'q5')]).toEqual([8, 4]);
    expect(after.tableVersion).toBe('v2');
    const merged = mergeRespondents(r.table, { municipality: { q9: 25 } });
    expect(merged.ok && merged.tableVersion).toBe('v2');
  });

  it('corrects the area table the same way', () => {
    const r = applyCorrection('area', AREA_CERTIFICATION_TABLE, { changes: { passGrade: 5.5 }, why: 'afspraak', version: 'a2' });
    expect(r.ok && r.table.passGrade).toBe(5.5);
  });
});
