/**
 * The text of the owners' mails, in Dutch, plain text and HTML. What an owner needs and no more: per
 * finding its number, area, category, due date, status, its one-line description and a link to it.
 * Never photos, never who found it or who assigned it, never comments or other history.
 */
import { findCategory } from '../../domain/categories';
import type { Finding } from '../../domain/finding';
import { findingRef } from '../../domain/findingRef';
import type { MailKind } from '../store/MailStore';

export interface MailContext {
  kind: MailKind;
  organisationName: string;
  municipalityName: string;
  /** Public address of the app, without a trailing slash: the links point there. */
  baseUrl: string;
  areaName: (areaId: string | null) => string;
  findings: readonly Finding[];
  /** Digest only: which of `findings` are overdue ('YYYY-MM-DD' of today in Amsterdam decides). */
  today: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const statusNl: Record<string, string> = {
  open: 'open',
  assigned: 'toegewezen',
  in_progress: 'in behandeling',
  fixed: 'opgelost',
  verified: 'gecontroleerd',
  wont_fix: 'wordt niet opgelost',
  duplicate: 'dubbel',
};

const dayNl = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
export function formatDayNl(day: string | null): string {
  if (day === null) return 'geen';
  const [y, m, d] = day.split('-').map(Number);
  return dayNl.format(Date.UTC(y!, m! - 1, d!));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Line {
  ref: string;
  area: string;
  category: string;
  due: string;
  status: string;
  description: string;
  link: string;
  overdue: boolean;
}

function lines(ctx: MailContext): Line[] {
  return ctx.findings.map((f) => ({
    ref: findingRef(f.id),
    area: ctx.areaName(f.areaId),
    category: findCategory(f.categoryCode)?.category.labels.nl ?? f.categoryCode,
    due: formatDayNl(f.dueDate),
    status: statusNl[f.status] ?? f.status,
    description: f.description,
    link: `${ctx.baseUrl}/opvolging/${encodeURIComponent(f.id)}`,
    overdue: f.dueDate !== null && f.dueDate < ctx.today,
  }));
}

function intro(ctx: MailContext, count: number): { subject: string; opening: string } {
  const n = count === 1 ? '1 bevinding' : `${count} bevindingen`;
  switch (ctx.kind) {
    case 'assignment':
      return {
        subject: `Schouwkaart ${ctx.municipalityName}: ${n} toegewezen aan ${ctx.organisationName}`,
        opening: `Na de gebiedsschouw in ${ctx.municipalityName} is ${count === 1 ? 'deze bevinding' : 'zijn deze bevindingen'} aan ${ctx.organisationName} toegewezen. Wil je ${count === 1 ? 'hem' : 'ze'} vóór de streefdatum oppakken?`,
      };
    case 'reminder':
      return {
        subject: `Schouwkaart ${ctx.municipalityName}: herinnering, ${n} binnenkort op de streefdatum`,
        opening: `De streefdatum van ${count === 1 ? 'deze bevinding' : 'deze bevindingen'} voor ${ctx.organisationName} komt eraan.`,
      };
    case 'digest':
      return {
        subject: `Schouwkaart ${ctx.municipalityName}: weekoverzicht voor ${ctx.organisationName} (${n} open)`,
        opening: `Dit zijn de openstaande bevindingen van ${ctx.organisationName}. Bevindingen over de streefdatum staan bovenaan.`,
      };
    default:
      // Survey mails go to shops and have their own text (surveyMail.ts).
      throw new Error(`not an owner mail: ${ctx.kind}`);
  }
}

export function renderMail(ctx: MailContext): RenderedMail {
  const items = lines(ctx).sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const { subject, opening } = intro(ctx, items.length);
  const closing = 'Je ontvangt dit bericht omdat dit adres bij de coördinator van de KVO-schouw als contactadres van je organisatie staat. Klopt dat niet, laat het de coördinator weten.';

  const text = [
    `Beste ${ctx.organisationName},`,
    '',
    opening,
    '',
    ...items.flatMap((l) => [
      `${l.ref}${l.overdue ? ' (TE LAAT)' : ''} – ${l.category}, ${l.area}`,
      `  Streefdatum: ${l.due} · Status: ${l.status}`,
      `  ${l.description || '(geen omschrijving)'}`,
      `  ${l.link}`,
      '',
    ]),
    closing,
    '',
    'Schouwkaart',
  ].join('\n');

  const rows = items
    .map(
      (l) => `<tr>
<td><a href="${escapeHtml(l.link)}">${escapeHtml(l.ref)}</a>${l.overdue ? ' <strong>te laat</strong>' : ''}</td>
<td>${escapeHtml(l.area)}</td><td>${escapeHtml(l.category)}</td><td>${escapeHtml(l.due)}</td><td>${escapeHtml(l.status)}</td>
<td>${escapeHtml(l.description)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
<p>Beste ${escapeHtml(ctx.organisationName)},</p>
<p>${escapeHtml(opening)}</p>
<table cellpadding="6" style="border-collapse: collapse" border="1">
<thead><tr><th scope="col">Nummer</th><th scope="col">Gebied</th><th scope="col">Categorie</th><th scope="col">Streefdatum</th><th scope="col">Status</th><th scope="col">Omschrijving</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${escapeHtml(closing)}</p>
<p>Schouwkaart</p>
</body></html>`;
  return { subject, text, html };
}
