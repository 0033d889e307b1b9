import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../../../src/domain/survey/contactsCsv';
import { parseClosesOn, planSurveyMailing, surveyMailKey, validateShopEmail, type MailingLink } from '../../../src/domain/survey/mailing';

describe('a shop business address', () => {
  it('is trimmed and lower-cased; anything else is refused with its reason', () => {
    expect(validateShopEmail(' Info@Bakker.NL ')).toEqual({ ok: true, email: 'info@bakker.nl' });
    expect(validateShopEmail('bakker at home')).toEqual({ ok: false, reason: 'invalid_email' });
    expect(validateShopEmail('')).toEqual({ ok: false, reason: 'email_missing' });
    expect(validateShopEmail(42)).toEqual({ ok: false, reason: 'email_missing' });
    expect(validateShopEmail(`${'a'.repeat(250)}@b.nl`)).toEqual({ ok: false, reason: 'email_too_long' });
  });
});

describe('who gets a mail and who a letter', () => {
  const shops = [
    { id: 'a', open: true },
    { id: 'b', open: true },
    { id: 'c', open: true },
    { id: 'd', open: true },
    { id: 'closed', open: false },
  ];
  const withAddress = new Set(['a', 'b', 'closed']);
  const has = (id: string) => withAddress.has(id);

  it('sending: new links by mail or letter; an existing link mailed only when never mailed; closed shops nothing', () => {
    const links: MailingLink[] = [
      { id: 'la', shopId: 'a', status: 'open', invited: false },
      { id: 'lc', shopId: 'c', status: 'open', invited: false },
    ];
    expect(planSurveyMailing('invite', shops, links, has)).toEqual({ newLinkMail: ['b'], newLinkLetter: ['d'], mailLinks: ['la'], letterLinks: [] });
  });

  it('sending twice mails nobody twice', () => {
    const links: MailingLink[] = [
      { id: 'la', shopId: 'a', status: 'open', invited: true },
      { id: 'lb', shopId: 'b', status: 'open', invited: true },
      { id: 'lc', shopId: 'c', status: 'open', invited: false },
      { id: 'ld', shopId: 'd', status: 'open', invited: false },
    ];
    expect(planSurveyMailing('invite', shops, links, has)).toEqual({ newLinkMail: [], newLinkLetter: [], mailLinks: [], letterLinks: [] });
  });

  it('a reminder goes to open links only: answered and revoked ones and closed shops are left out', () => {
    const links: MailingLink[] = [
      { id: 'la', shopId: 'a', status: 'answered', invited: true },
      { id: 'lb', shopId: 'b', status: 'open', invited: true },
      { id: 'lc', shopId: 'c', status: 'revoked', invited: false },
      { id: 'ld', shopId: 'd', status: 'open', invited: false },
      { id: 'lx', shopId: 'closed', status: 'open', invited: true },
    ];
    expect(planSurveyMailing('reminder', shops, links, has)).toEqual({ newLinkMail: [], newLinkLetter: [], mailLinks: ['lb'], letterLinks: ['ld'] });
  });

  it('keys: one invitation per link, one reminder per link and day', () => {
    expect(surveyMailKey('survey_invite', 'l1', '2026-12-02')).toBe(surveyMailKey('survey_invite', 'l1', '2026-12-03'));
    expect(surveyMailKey('survey_reminder', 'l1', '2026-12-02')).not.toBe(surveyMailKey('survey_reminder', 'l1', '2026-12-03'));
  });

  it('a closing date must exist', () => {
    expect(parseClosesOn('2026-12-24')).toBe('2026-12-24');
    expect(parseClosesOn('')).toBeNull();
    expect(parseClosesOn('2026-02-30')).toBeUndefined();
    expect(parseClosesOn('24-12-2026')).toBeUndefined();
  });
});

describe('addresses from a CSV file', () => {
  const shops = [
    { id: 's1', name: 'Bakker de Vries', address: 'Brink 1' },
    { id: 's2', name: 'Kapper', address: 'Brink 2' },
    { id: 's3', name: 'Kapper', address: 'Lange Bisschopstraat 9' },
  ];

  it('matches by id or name (with the address for a shared name); an empty cell removes the address', () => {
    const csv = '\uFEFFid;Naam;Adres;E-mail\ns1;;;Info@Vries.nl\n;Kapper;Lange Bisschopstraat 9;knip@kapper.nl\n;Kapper;Brink 2;\n';
    expect(parseContactsCsv(csv, shops)).toEqual({
      ok: true,
      contacts: [
        { shopId: 's1', email: 'info@vries.nl', row: 2 },
        { shopId: 's3', email: 'knip@kapper.nl', row: 3 },
        { shopId: 's2', email: null, row: 4 },
      ],
    });
  });

  it('refuses the whole file naming each broken row and field', () => {
    const csv = 'naam,email\nKapper,a@b.nl\nBakker de Vries,geen-adres\nOnbekend,x@y.nl\nBakker de Vries,c@d.nl\n';
    expect(parseContactsCsv(csv, shops)).toEqual({
      ok: false,
      problems: [
        { row: 2, field: 'address', reason: 'ambiguous_shop', value: 'Kapper' },
        { row: 3, field: 'email', reason: 'invalid_email', value: 'geen-adres' },
        { row: 4, field: 'name', reason: 'unknown_shop', value: 'Onbekend' },
        { row: 5, field: 'name', reason: 'duplicate_shop', value: '3' },
      ],
    });
    expect(parseContactsCsv('naam;telefoon\nKapper;06', shops)).toEqual({ ok: false, problems: [{ row: 1, field: 'email', reason: 'no_email_column' }] });
    expect(parseContactsCsv('email\na@b.nl', shops)).toEqual({ ok: false, problems: [{ row: 1, field: 'name', reason: 'no_shop_column' }] });
  });
});
