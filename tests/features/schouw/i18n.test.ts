import { describe, expect, it } from 'vitest';
import { schouwStrings } from '../../../src/features/schouw/i18n';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('schouw strings', () => {
  it('Dutch and English have the same keys', () => {
    expect(keys(schouwStrings.en).sort()).toEqual(keys(schouwStrings.nl).sort());
  });
  it('the add button is the Dutch words the team knows', () => {
    expect(schouwStrings.nl.addFinding).toBe('Bevinding toevoegen');
    expect(schouwStrings.nl.outside).toBe('buiten het gebied');
  });
});
