/**
 * Survey links by e-mail (issue 16), coordinator only: the shops' business addresses (one by one or a
 * CSV file), sending the year's links, and reminders. A shop with an address gets its link by mail
 * through the outbox (the worker sends it); a shop without one gets a printable letter, as before.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildAreaIndex } from '../../domain/areaIndex';
import { amsterdamDate } from '../../domain/overdue';
import { parseContactsCsv } from '../../domain/survey/contactsCsv';
import { surveyLinkUrl } from '../../domain/survey/link';
import { parseClosesOn, planSurveyMailing, surveyMailKey, validateShopEmail, type SurveyMailPayload } from '../../domain/survey/mailing';
import { hashToken, newToken } from '../auth/tokens';
import type { Store } from '../store/Store';
import type { LinkMail } from '../store/SqlSurveyMailStore';
import type { SurveyShop } from '../store/SurveyStore';
import type { SurveyLetter } from './coordinatorRoutes';
import { coordinatedMunicipality, yearParam } from './municipalityParam';

export interface SurveyMailRouteOptions {
  store: Pick<Store, 'survey' | 'surveyMail' | 'listAreas'>;
  municipalities: readonly { id: string; name: string }[];
  publicUrl?: string;
  smtpConfigured: boolean;
  now?: () => Date;
}

/** Per link: when it was first mailed, last reminded, and its latest mail's state. */
export interface LinkMailSummary {
  invitedAt: string | null;
  remindedAt: string | null;
  last: Pick<LinkMail, 'kind' | 'status' | 'createdAt' | 'sentAt' | 'lastError'>;
}

function summarise(mails: readonly LinkMail[]): Record<string, LinkMailSummary> {
  const out: Record<string, LinkMailSummary> = {};
  for (const m of mails) {
    const s = (out[m.linkId] ??= { invitedAt: null, remindedAt: null, last: m });
    if (m.kind === 'survey_invite') s.invitedAt ??= m.createdAt;
    else s.remindedAt = m.createdAt;
    s.last = { kind: m.kind, status: m.status, createdAt: m.createdAt, sentAt: m.sentAt, lastError: m.lastError };
  }
  return out;
}

const MAX_CSV = 1_000_000;

export function registerSurveyMailRoutes(app: FastifyInstance, deps: SurveyMailRouteOptions): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const ids = deps.municipalities.map((m) => m.id);
  const nameOf = (id: string) => deps.municipalities.find((m) => m.id === id)?.name ?? id;
  const baseUrl = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get('/api/survey/mailing', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, ids);
    if (m === null) return reply;
    const year = yearParam(request, now().getFullYear());
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    const [contacts, mails] = await Promise.all([store.surveyMail.listContacts(m), store.surveyMail.linkMails(m, year)]);
    return { year, smtpConfigured: deps.smtpConfigured, contacts, mails: summarise(mails) };
  });

  app.put('/api/survey/contacts/:shopId', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, ids);
    if (m === null) return reply;
    const { shopId } = request.params as { shopId: string };
    const checked = validateShopEmail((request.body as { email?: unknown } | null)?.email);
    if (!checked.ok) return reply.code(400).send({ error: checked.reason, field: '/email' });
    const shop = (await store.survey.listShops(m)).find((s) => s.id === shopId);
    if (!shop) return reply.code(404).send({ error: 'unknown_shop', field: '/shopId', message: 'No shop with this id in the register.' });
    if (!shop.open) return reply.code(409).send({ error: 'shop_closed', field: '/shopId', message: 'A closed shop gets no survey mail.' });
    await store.surveyMail.setContacts(m, [{ shopId, email: checked.email }], request.actor!.id, now());
    return { shopId, email: checked.email };
  });

  app.delete('/api/survey/contacts/:shopId', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, ids);
    if (m === null) return reply;
    const { shopId } = request.params as { shopId: string };
    if (!(await store.surveyMail.removeContact(m, shopId))) return reply.code(404).send({ error: 'not_found', message: 'This shop has no address.' });
    return { removed: true };
  });

  // A CSV file with an e-mail column: all rows or none.
  app.post('/api/survey/contacts/import', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, ids);
    if (m === null) return reply;
    const csv = (request.body as { csv?: unknown } | null)?.csv;
    if (typeof csv !== 'string' || csv.length > MAX_CSV) return reply.code(400).send({ error: 'invalid_input', field: '/csv' });
    const openShops = (await store.survey.listShops(m)).filter((s) => s.open);
    const parsed = parseContactsCsv(csv, openShops);
    if (!parsed.ok) return reply.code(400).send({ error: 'invalid_rows', field: '/csv', problems: parsed.problems.slice(0, 100), count: parsed.problems.length });
    await store.surveyMail.setContacts(m, parsed.contacts, request.actor!.id, now());
    return { set: parsed.contacts.filter((c) => c.email !== null).length, removed: parsed.contacts.filter((c) => c.email === null).length };
  });

  // Send the links (reminder false) or a reminder (true): mails to shops with an address, letters for the rest.
  app.post('/api/survey/mail', async (request, reply) => {
    const m = coordinatedMunicipality(request, reply, ids);
    if (m === null) return reply;
    const body = (request.body ?? {}) as { year?: unknown; reminder?: unknown; closesOn?: unknown };
    const year = typeof body.year === 'number' && Number.isInteger(body.year) && body.year >= 2000 && body.year <= 2100 ? body.year : null;
    if (year === null) return reply.code(400).send({ error: 'invalid_year', field: '/year' });
    if (body.reminder !== undefined && typeof body.reminder !== 'boolean') return reply.code(400).send({ error: 'invalid_input', field: '/reminder' });
    const closesOn = parseClosesOn(body.closesOn);
    if (closesOn === undefined) return reply.code(400).send({ error: 'invalid_date', field: '/closesOn' });
    if (!(await store.survey.getSetup(m, year))) return reply.code(409).send({ error: 'no_survey', message: `No survey for ${year}: set it up first.` });
    const reminder = body.reminder === true;
    const at = now();

    const [shops, links, contacts, mails, areas] = await Promise.all([
      store.survey.listShops(m),
      store.survey.listLinks(m, year),
      store.surveyMail.listContacts(m),
      store.surveyMail.linkMails(m, year),
      store.listAreas(m),
    ]);
    const index = buildAreaIndex(areas);
    const email = new Map(contacts.map((c) => [c.shopId, c.email]));
    const invited = new Set(mails.filter((x) => x.kind === 'survey_invite').map((x) => x.linkId));
    const plan = planSurveyMailing(
      reminder ? 'reminder' : 'invite',
      shops,
      links.map((l) => ({ id: l.id, shopId: l.shopId, status: l.status, invited: invited.has(l.id) })),
      (id) => email.has(id),
    );
    const shopById = new Map(shops.map((s) => [s.id, s]));
    const letter = (shop: SurveyShop, linkId: string, token: string): SurveyLetter => ({
      linkId,
      shopId: shop.id,
      name: shop.name,
      address: shop.address,
      areaId: index.areaOf(shop.point),
      url: surveyLinkUrl(baseUrl(request), token),
    });

    // New links first: those to be mailed carry the mailed token from the start.
    const fresh = [...plan.newLinkMail, ...plan.newLinkLetter].map((shopId) => ({ shopId, id: uuidv7(), token: newToken() }));
    const added = new Set(await store.survey.addLinks(m, year, fresh.map((f) => ({ id: f.id, shopId: f.shopId, tokenHash: hashToken(f.token) }))));
    const mailedNew = new Set(plan.newLinkMail);
    const toMail = [
      ...fresh.filter((f) => added.has(f.id) && mailedNew.has(f.shopId)).map((f) => ({ linkId: f.id, shopId: f.shopId, token: f.token })),
      ...plan.mailLinks.map((id) => ({ linkId: id, shopId: links.find((l) => l.id === id)!.shopId, token: newToken() })),
    ];
    const kind = reminder ? 'survey_reminder' : 'survey_invite';
    const day = amsterdamDate(at);
    const queued = await store.surveyMail.queueLinkMails(
      m,
      year,
      toMail.map((x) => {
        const payload: SurveyMailPayload = { url: surveyLinkUrl(baseUrl(request), x.token), shopName: shopById.get(x.shopId)!.name, municipalityName: nameOf(m), year, closesOn };
        return {
          linkId: x.linkId,
          tokenHash: hashToken(x.token),
          mail: { key: surveyMailKey(kind, x.linkId, day), municipality: m, organisationId: null, surveyLinkId: x.linkId, kind, items: [], createdAt: at, notBefore: at, payload },
        };
      }),
      at,
    );

    // Letters: new links of shops without an address, and (reminder) new tokens for open links without one.
    const letters = fresh.filter((f) => added.has(f.id) && !mailedNew.has(f.shopId)).map((f) => letter(shopById.get(f.shopId)!, f.id, f.token));
    if (plan.letterLinks.length > 0) {
      const made = plan.letterLinks.map((id) => ({ link: links.find((l) => l.id === id)!, token: newToken() }));
      const changed = new Set(await store.survey.reissueLinks(m, year, made.map((x) => ({ id: x.link.id, tokenHash: hashToken(x.token) }))));
      for (const x of made) if (changed.has(x.link.id)) letters.push(letter(shopById.get(x.link.shopId)!, x.link.id, x.token));
    }
    const queuedSet = new Set(queued);
    return {
      year,
      reminder,
      queued: queued.length,
      mailedShopIds: toMail.filter((x) => queuedSet.has(x.linkId)).map((x) => x.shopId),
      letters,
      smtpConfigured: deps.smtpConfigured,
    };
  });
}
