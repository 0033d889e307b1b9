import { describe, expect, it } from 'vitest';
import { placementReducer, startPlacement, type PlacementAction } from '../../../../src/features/schouw/walk/placement';

const run = (...actions: PlacementAction[]) => actions.reduce(placementReducer, startPlacement());
const here: [number, number] = [6.16, 52.25];
const there: [number, number] = [6.161, 52.251];

describe('placing the pin of a new finding', () => {
  it('starts without a pin while GPS is looking', () => {
    expect(startPlacement()).toMatchObject({ point: null, gps: 'locating' });
  });
  it('a fix of 25 m or better drops the pin at the GPS position', () => {
    expect(run({ kind: 'fix', point: here, accuracy: 25 })).toMatchObject({ point: here, source: 'gps', gps: 'good' });
  });
  it('a fix worse than 25 m places no pin and asks for a tap, but keeps the circle', () => {
    expect(run({ kind: 'fix', point: here, accuracy: 40 })).toMatchObject({ point: null, gps: 'poor', fix: { accuracy: 40 } });
  });
  it('a tap places the pin, and a later GPS fix does not move it', () => {
    expect(run({ kind: 'tap', point: there }, { kind: 'fix', point: here, accuracy: 5 })).toMatchObject({ point: there, source: 'tap', gps: 'good' });
  });
  it('a drag moves a GPS pin', () => {
    expect(run({ kind: 'fix', point: here, accuracy: 5 }, { kind: 'drag', point: there })).toMatchObject({ point: there, source: 'drag' });
  });
  it('GPS refused is told apart from GPS unavailable, and a tap still works', () => {
    expect(run({ kind: 'gps_error', denied: true }).gps).toBe('denied');
    expect(run({ kind: 'gps_error', denied: false }, { kind: 'tap', point: here })).toMatchObject({ gps: 'unavailable', point: here });
  });
  it.each([
    ['a good fix', 8, 'good'],
    ['a poor fix (the person asked for it)', 60, 'poor'],
  ] as const)('"use my position again" after a tap puts the pin back on %s', (_name, accuracy, gps) => {
    const s = run({ kind: 'fix', point: here, accuracy: 5 }, { kind: 'tap', point: there }, { kind: 'use_gps', point: here, accuracy });
    expect(s).toMatchObject({ point: here, source: 'gps', gps, fix: { point: here, accuracy } });
    // A later fix may move it again, as with any GPS pin.
    expect(placementReducer(s, { kind: 'fix', point: there, accuracy: 5 })).toMatchObject({ point: there, source: 'gps' });
  });
});
