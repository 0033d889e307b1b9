import { describe, expect, it } from 'vitest';
import { actionsPerOwner, numberFindings, PIN_SPACING, svgMap } from '../../../src/features/followup/reportModel';
import { findingOwners } from '../../../src/domain/finding';
import type { AreaGeometry } from '../../../src/domain/geojson';
import { finding } from '../../domain/followupFixtures';

describe('numbering an inspection’s findings', () => {
  it('numbers them from 1 in the order they were noted, leaving removed ones out', () => {
    const late = finding({ createdAt: '2026-03-01T12:00:00.000Z' });
    const early = finding({ createdAt: '2026-03-01T11:00:00.000Z' });
    const gone = finding({ createdAt: '2026-03-01T11:30:00.000Z', removed: true });
    expect(numberFindings([late, gone, early]).map((n) => [n.number, n.finding.id])).toEqual([
      [1, early.id],
      [2, late.id],
    ]);
  });
});

describe('the printed map', () => {
  const square: AreaGeometry = {
    type: 'Polygon',
    coordinates: [[[6.15, 52.25], [6.17, 52.25], [6.17, 52.26], [6.15, 52.26], [6.15, 52.25]]],
  };

  it('draws the outline inside the padding and puts north at the top', () => {
    const pins = numberFindings([finding({ point: { type: 'Point', coordinates: [6.16, 52.259] } })]);
    const map = svgMap(square, pins, 600, 20);
    const nums = map.paths[0]!.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...nums.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(580);
    expect(map.pins[0]!.x).toBeCloseTo(300, 0);
    // 52.259 is near the north edge, so near the top of the drawing.
    expect(map.pins[0]!.y).toBeLessThan(map.height / 4);
  });

  it('keeps the shape’s proportions: the square-ish area is wider than tall in Mercator at this latitude', () => {
    const map = svgMap(square, [], 600, 20);
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(600);
  });

  it('with pins but no outline still places the pins, and with nothing draws nothing', () => {
    const pins = numberFindings([finding(), finding({ point: { type: 'Point', coordinates: [6.161, 52.251] } })]);
    expect(svgMap(null, pins, 400, 10).pins).toHaveLength(2);
    expect(svgMap(null, [], 400, 10)).toMatchObject({ paths: [], pins: [] });
  });
});

describe('the action list per owner', () => {
  it('lists per owner what is still to do, earliest due date first, without closed or unowned findings', () => {
    const later = finding({ owner: 'police', status: 'assigned', dueDate: '2026-08-01' });
    const sooner = finding({ owner: 'police', status: 'in_progress', dueDate: '2026-07-01' });
    const done = finding({ owner: 'police', status: 'fixed', fixNote: 'ok', dueDate: '2026-01-01' });
    const fire = finding({ owner: 'fire_brigade', status: 'assigned', dueDate: '2026-07-01' });
    const nobody = finding();
    const groups = actionsPerOwner([later, sooner, done, fire, nobody], findingOwners);
    expect(groups.map((g) => [g.owner, g.findings.map((f) => f.id)])).toEqual([
      ['police', [sooner.id, later.id]],
      ['fire_brigade', [fire.id]],
    ]);
  });
});

describe('numbered pins in the printed report', () => {
  const square: AreaGeometry = {
    type: 'Polygon',
    coordinates: [[[6.15, 52.25], [6.17, 52.25], [6.17, 52.26], [6.15, 52.26], [6.15, 52.25]]],
  };
  it.each([
    ['two findings on one spot', 2, 0],
    ['seven findings on one spot', 7, 0],
    ['twelve findings a metre apart', 12, 0.00001],
  ])('%s: no pin hides another, and a moved pin keeps its real spot for a leader line', (_name, n, step) => {
    const pins = numberFindings(Array.from({ length: n }, (_, i) => finding({ point: { type: 'Point', coordinates: [6.16 + i * step, 52.255] } })));
    const map = svgMap(square, pins, 600, 20);
    expect(map.pins).toHaveLength(n);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const [a, b] = [map.pins[i]!, map.pins[j]!];
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(PIN_SPACING - 0.2);
      }
    expect(map.pins.filter((p) => !p.moved)).not.toHaveLength(0);
    for (const p of map.pins.filter((p) => p.moved)) expect(Math.hypot(p.x - p.fromX, p.y - p.fromY)).toBeGreaterThan(0);
  });
});
