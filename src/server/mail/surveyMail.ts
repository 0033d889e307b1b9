/**
 * The survey mail to a shop (issue 16), in Dutch, plain text and simple HTML: the personal link, the
 * closing date when there is one, and who sends it. Nothing about other shops, no tracking.
 */
import type { SurveyMailPayload } from '../../domain/survey/mailing';
import { formatDayNl, type RenderedMail } from './render';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderSurveyMail(p: SurveyMailPayload, reminder: boolean): RenderedMail {
  const subject = reminder
    ? `Herinnering: enquête veilig ondernemen ${p.municipalityName} ${p.year}`
    : `Enquête veilig ondernemen ${p.municipalityName} ${p.year}`;
  const paragraphs = [
    `Beste ondernemer van ${p.shopName},`,
    ...(reminder ? ['Misschien is het u ontgaan: wij hebben uw antwoorden nog niet ontvangen. Deze nieuwe link vervangt eerdere links en brieven.'] : []),
    `Samen met gemeente, politie en ondernemers werken we in ${p.municipalityName} aan een veilig winkelgebied (Keurmerk Veilig Ondernemen). Wilt u ons vertellen hoe veilig u zich voelt in en rond uw winkel? Het invullen duurt ongeveer vijf minuten en kan op uw telefoon.`,
    ...(p.closesOn ? [`Graag vóór ${formatDayNl(p.closesOn)}.`] : []),
    'De link is persoonlijk voor uw winkel en werkt één keer. U kunt tussendoor stoppen en later verdergaan.',
    'Uw antwoorden worden zonder de naam van uw winkel bewaard; resultaten worden alleen per gebied gedeeld als genoeg winkels hebben geantwoord.',
  ];
  const sender = `De coördinator KVO-W, gemeente ${p.municipalityName}`;
  const why = 'U ontvangt dit bericht omdat dit adres bij de coördinator als zakelijk contactadres van uw winkel staat. Klopt dat niet, laat het de coördinator weten; dan halen we het weg.';
  const text = [...paragraphs.flatMap((x) => [x, '']), `Naar de enquête: ${p.url}`, '', 'Met vriendelijke groet,', sender, '', why].join('\n');
  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
${paragraphs.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}
<p><a href="${escapeHtml(p.url)}" style="display: inline-block; padding: 10px 16px; background: #154273; color: #fff; text-decoration: none; border-radius: 4px">Naar de enquête</a></p>
<p>Werkt de knop niet? Kopieer dan deze link: ${escapeHtml(p.url)}</p>
<p>Met vriendelijke groet,<br>${escapeHtml(sender)}</p>
<p style="color: #555; font-size: 90%">${escapeHtml(why)}</p>
</body></html>`;
  return { subject, text, html };
}
