// The survey flag per year (issue 16, SPEC.md R50): a year's answer counts for that year's question 7,
// a tick in the form is the year's, and an answer sent through the link cannot be unticked.
import { describe, expect, it } from 'vitest';
import { computeParticipation } from '../../src/domain/participation';
import { markSurveyYear, noFlags, shopSchema, surveyAnsweredIn, type Shop } from '../../src/domain/shop';

const base = { flags: noFlags() };

describe('R50: the survey per year', () => {
  it('an answer of 2025 counts for 2025, not for 2026', () => {
    const shop = { ...base, surveyAnsweredYears: [2025] };
    expect(surveyAnsweredIn(shop, 2025)).toBe(true);
    expect(surveyAnsweredIn(shop, 2026)).toBe(false);
  });

  it('a record from before the years were kept counts its one flag for any year', () => {
    expect(surveyAnsweredIn({ flags: { ...noFlags(), surveyAnswered: true } }, 2026)).toBe(true);
    // Once a year list exists, the old flag alone no longer counts.
    expect(surveyAnsweredIn({ flags: { ...noFlags(), surveyAnswered: true }, surveyYears: [2024] }, 2026)).toBe(false);
  });

  it('a tick adds the year and sets this year\'s flag; unticking removes only that year, never an online answer', () => {
    const ticked = markSurveyYear({ ...base, surveyYears: [2024] }, 2026, true);
    expect(ticked.surveyYears).toEqual([2024, 2026]);
    expect(ticked.flags.surveyAnswered).toBe(true);
    const unticked = markSurveyYear({ ...ticked, surveyAnsweredYears: [2026] }, 2026, false);
    expect(unticked.surveyYears).toEqual([2024]);
    expect(unticked.flags.surveyAnswered).toBe(true); // the online answer still stands
    // An old record with the flag set: unticking this year leaves no year behind.
    expect(markSurveyYear({ flags: { ...noFlags(), surveyAnswered: true } }, 2026, false)).toMatchObject({ surveyYears: [], flags: { surveyAnswered: false } });
  });

  it('question 7 of a year counts that year\'s answers and ticks', () => {
    const shop = (id: string, over: Partial<Shop>) => ({ id, open: true, flags: noFlags(), ...over });
    const shops = [shop('a', { surveyAnsweredYears: [2025] }), shop('b', { surveyYears: [2026] }), shop('c', { surveyAnsweredYears: [2025, 2026] }), shop('d', {})];
    const assignment = new Map(shops.map((s) => [s.id, 'brink']));
    const q7 = (year: number) => computeParticipation(shops, ['brink'], assignment, year).areas.brink!.measures.surveyAnswered;
    expect(q7(2025)).toMatchObject({ taking: 2, open: 4, percent: 50 });
    expect(q7(2026)).toMatchObject({ taking: 2, open: 4, percent: 50 });
    expect(q7(2027)).toMatchObject({ taking: 0, open: 4, percent: 0 });
  });

  it('the years are checked: each once, in order, real years', () => {
    const shop = { id: 's', municipality: 'deventer', name: 'A', address: '', point: { type: 'Point', coordinates: [6.16, 52.25] }, sector: '', open: true, flags: noFlags(), shopChecks: [], visits: [], courses: [] };
    expect(shopSchema.safeParse({ ...shop, surveyYears: [2025, 2026] }).success).toBe(true);
    expect(shopSchema.safeParse({ ...shop, surveyYears: [2026, 2025] }).success).toBe(false);
    expect(shopSchema.safeParse({ ...shop, surveyAnsweredYears: [2026, 2026] }).success).toBe(false);
    expect(shopSchema.safeParse({ ...shop, surveyYears: [26] }).success).toBe(false);
  });
});
