import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../src/services/config';
import { applyMunicipalityChoice } from '../../src/services/municipalityChoice';

const m = (id: string) => ({ id, name: id.toUpperCase(), center: [6, 52] as [number, number], zoom: 13 });
const config: ClientConfig = {
  municipality: m('deventer'),
  municipalities: [m('deventer'), m('westland')],
  basemaps: [{ id: 'brt', url: 'https://x/{z}/{x}/{y}.png', attribution: 'x' }],
};

describe('applyMunicipalityChoice', () => {
  it('shows the chosen municipality when the server serves it', () => {
    expect(applyMunicipalityChoice(config, 'westland')?.municipality.id).toBe('westland');
  });
  it('keeps the default without a choice, for an unknown choice, and for an older server without the list', () => {
    expect(applyMunicipalityChoice(config, null)?.municipality.id).toBe('deventer');
    expect(applyMunicipalityChoice(config, 'zutphen')?.municipality.id).toBe('deventer');
    expect(applyMunicipalityChoice({ ...config, municipalities: undefined }, 'westland')?.municipality.id).toBe('deventer');
    expect(applyMunicipalityChoice(null, 'westland')).toBeNull();
  });
});

describe('applyMunicipalityChoice when signed in (SPEC.md R30)', () => {
  const three: ClientConfig = { ...config, municipalities: [m('deventer'), m('westland'), m('zutphen')] };
  it('offers only the municipalities the person belongs to', () => {
    const scoped = applyMunicipalityChoice(three, null, ['westland', 'zutphen']);
    expect(scoped?.municipalities?.map((x) => x.id)).toEqual(['westland', 'zutphen']);
    expect(scoped?.municipality.id).toBe('westland');
  });
  it('ignores a remembered choice of a municipality the person does not belong to', () => {
    expect(applyMunicipalityChoice(three, 'deventer', ['westland'])?.municipality.id).toBe('westland');
    expect(applyMunicipalityChoice(three, 'zutphen', ['westland', 'zutphen'])?.municipality.id).toBe('zutphen');
  });
});
