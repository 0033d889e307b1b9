/**
 * A shop's personal one-time survey link (SPEC.md R45): open until it is answered (once) or revoked. The
 * link's state decides what the shopkeeper's page shows; pure.
 */
export const linkStatuses = ['open', 'answered', 'revoked'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

/** Why a link cannot be used: each has its own clear page. */
export type LinkRefusal = 'link_unknown' | 'link_answered' | 'link_revoked';

export function linkRefusal(status: LinkStatus | null): LinkRefusal | null {
  if (status === null) return 'link_unknown';
  if (status === 'answered') return 'link_answered';
  if (status === 'revoked') return 'link_revoked';
  return null;
}

/** The shopkeeper's page: `/enquete#<token>` (the token never reaches a server log or a Referer). */
export const SURVEY_PAGE_PATH = '/enquete';

export function surveyLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${SURVEY_PAGE_PATH}#${token}`;
}
