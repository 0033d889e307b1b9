import { describe, expect, it } from 'vitest';
import { findingOwners } from '../../src/domain/finding';
import { defaultOrganisations, organisationInputSchema, organisationPatchSchema, splitEmails } from '../../src/domain/ownerOrganisation';

describe('owner organisations', () => {
  it('every old owner value is the id of a default organisation', () => {
    const ids = defaultOrganisations('deventer').map((o) => o.id);
    expect(ids.sort()).toEqual([...findingOwners].sort());
    expect(defaultOrganisations('deventer').map((o) => o.name)).toContain('Gemeente – openbare ruimte');
  });

  const bad: { name: string; input: unknown; path: string; message: RegExp }[] = [
    { name: 'empty name', input: { name: '  ', emails: ['a@b.nl'] }, path: 'name', message: /empty/ },
    { name: 'long name', input: { name: 'x'.repeat(101), emails: ['a@b.nl'] }, path: 'name', message: /longer than 100/ },
    { name: 'no address', input: { name: 'Politie', emails: [] }, path: 'emails', message: /at least one/ },
    { name: 'not an address', input: { name: 'Politie', emails: ['a@b.nl', 'geen-adres'] }, path: 'emails.1', message: /not an e-mail address/ },
    { name: 'same address twice', input: { name: 'Politie', emails: ['a@b.nl', 'A@B.nl'] }, path: 'emails', message: /twice/ },
    { name: 'unknown field', input: { name: 'Politie', emails: ['a@b.nl'], phone: '06' }, path: '', message: /phone/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}, naming the field`, () => {
      const r = organisationInputSchema.safeParse(c.input);
      expect(r.success).toBe(false);
      const issue = r.error!.issues[0]!;
      expect(issue.path.join('.')).toBe(c.path);
      expect(issue.message + JSON.stringify(issue)).toMatch(c.message);
    });
  }

  it('lower-cases addresses and splits typed lists', () => {
    expect(organisationInputSchema.parse({ name: ' Politie ', emails: splitEmails('Wijkagent@Politie.nl, b@x.nl\nc@y.nl') })).toEqual({
      name: 'Politie',
      emails: ['wijkagent@politie.nl', 'b@x.nl', 'c@y.nl'],
    });
    expect(organisationPatchSchema.safeParse({}).success).toBe(false);
    expect(organisationPatchSchema.parse({ archived: true })).toEqual({ archived: true });
  });
});
