import type { Role } from '../../src/domain/findingStatus';

/**
 * One harmless sample request per route of src/server/auth/accessTable.ts, for the role matrix.
 * "Harmless": the same request can be sent by every actor in any order without changing what the
 * next cell sees (a no-op patch, an invalid body, an unknown token). An allowed cell may answer 2xx or
 * 4xx other than 401/403 (a 400 for a sample body still proves the guard let it through).
 * `ctx` gives ids of the matrix's users. Add a line here for every route you add to the table.
 */
export interface SampleContext {
  userIds: Record<Role, string>;
  partnerLogin: string;
  password: string;
}
export type Sample = (ctx: SampleContext) => { url: string; body?: unknown };

const bogusToken = 'A'.repeat(43);

export const accessSamples: Record<string, Sample> = {
  'GET /api/health': () => ({ url: '/api/health' }),
  'GET /api/areas': () => ({ url: '/api/areas' }),
  'GET /api/config': () => ({ url: '/api/config' }),

  'POST /api/auth/login': (c) => ({ url: '/api/auth/login', body: { login: c.partnerLogin, password: c.password } }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout', body: {} }),
  'GET /api/auth/me': () => ({ url: '/api/auth/me' }),
  'GET /api/auth/session': () => ({ url: '/api/auth/session' }),
  'POST /api/auth/setup': () => ({ url: '/api/auth/setup', body: { token: bogusToken, name: 'X', login: 'x@test.nl', password: 'twelve chars long' } }),
  'POST /api/auth/accept-invite': () => ({ url: '/api/auth/accept-invite', body: { token: bogusToken, name: 'X', login: 'x@test.nl', password: 'twelve chars long' } }),

  // A wrong current password (400 when allowed) and a token nobody made (410): nothing changes.
  'POST /api/auth/password': () => ({ url: '/api/auth/password', body: { current: 'not the password', password: 'twelve chars long' } }),
  'POST /api/auth/reset-password': () => ({ url: '/api/auth/reset-password', body: { token: bogusToken, password: 'twelve chars long' } }),

  'GET /api/users': () => ({ url: '/api/users' }),
  'GET /api/users/invites': () => ({ url: '/api/users/invites' }),
  // An invite and a user nobody made: 404 when allowed.
  'DELETE /api/users/invites/:id': () => ({ url: '/api/users/invites/00000000-0000-4000-8000-000000000000' }),
  'POST /api/users/:id/reset-link': () => ({ url: '/api/users/nobody/reset-link', body: {} }),
  'GET /api/people': () => ({ url: '/api/people' }),
  'POST /api/users/invites': () => ({ url: '/api/users/invites', body: { roles: ['partner'], expiresInDays: 1 } }),
  'PATCH /api/users/:id': (c) => ({ url: `/api/users/${c.userIds.partner}`, body: { roles: ['partner'] } }),
  // An unknown id: the guard is what the matrix checks, and nobody is removed.
  'POST /api/users/:id/remove': () => ({ url: '/api/users/nobody-here/remove', body: {} }),
  'GET /api/settings': () => ({ url: '/api/settings' }),
  // Invalid on purpose (400 when allowed): the matrix must not flip the setting it also tests.
  'PATCH /api/settings': () => ({ url: '/api/settings', body: { partnersPublic: null } }),

  'GET /api/retention': () => ({ url: '/api/retention' }),
  // An invalid body: the guard is what is checked, and the policy stays as it was.
  'PUT /api/retention': () => ({ url: '/api/retention', body: { closedFindingYears: 0, certificationYears: 3 } }),
  'GET /api/public/summary': () => ({ url: '/api/public/summary' }),

  // Sync and photos: an empty push, a pull from the start, a hash nobody uploaded.
  'POST /api/sync/push': () => ({ url: '/api/sync/push', body: {} }),
  'GET /api/sync/pull': () => ({ url: '/api/sync/pull?since=0' }),
  'PUT /api/photos/:sha256': () => ({ url: `/api/photos/${'0'.repeat(64)}`, body: {} }),
  'GET /api/photos/:sha256': () => ({ url: `/api/photos/${'0'.repeat(64)}` }),

  // Owners: invalid bodies (400 when allowed), so no cell changes what the next one sees.
  'GET /api/owners': () => ({ url: '/api/owners' }),
  'POST /api/owners': () => ({ url: '/api/owners', body: { name: '' } }),
  'PATCH /api/owners/:id': () => ({ url: '/api/owners/police', body: {} }),
  'GET /api/owners/members': () => ({ url: '/api/owners/members' }),
  'PUT /api/owners/members/:userId': (c) => ({ url: `/api/owners/members/${c.userIds.partner}`, body: { organisationId: 7 } }),
  'GET /api/mail': () => ({ url: '/api/mail' }),
  'GET /api/my-actions': () => ({ url: '/api/my-actions' }),

  'PUT /api/areas/:id': () => ({ url: '/api/areas/centrum', body: {} }),
  'POST /api/areas': () => ({ url: '/api/areas', body: {} }),
  'POST /api/areas/:id/retire': () => ({ url: '/api/areas/centrum/retire', body: {} }),
  'GET /api/areas/:id/versions': () => ({ url: '/api/areas/centrum/versions' }),
  'POST /api/areas/:id/restore': () => ({ url: '/api/areas/centrum/restore', body: {} }),
  'GET /api/areas/export': () => ({ url: '/api/areas/export' }),
  'POST /api/areas/import': () => ({ url: '/api/areas/import', body: {} }),
  'POST /api/areas/import/apply': () => ({ url: '/api/areas/import/apply', body: {} }),

  // The survey: a year without a survey (404/409 when allowed), a link nobody made, a token nobody has.
  'GET /api/survey': () => ({ url: '/api/survey?year=2001' }),
  'PUT /api/survey': () => ({ url: '/api/survey', body: { year: 2001 } }),
  'GET /api/survey/links': () => ({ url: '/api/survey/links?year=2001' }),
  'POST /api/survey/links': () => ({ url: '/api/survey/links', body: { year: 2001 } }),
  'POST /api/survey/links/reissue': () => ({ url: '/api/survey/links/reissue', body: { year: 2001 } }),
  'POST /api/survey/links/:id/revoke': () => ({ url: '/api/survey/links/nobody/revoke', body: {} }),
  'GET /api/survey/results': () => ({ url: '/api/survey/results?year=2001' }),
  // Survey mail: a shop nobody has (404 when allowed), a file naming no shop (400), a year without a survey (409).
  'GET /api/survey/mailing': () => ({ url: '/api/survey/mailing?year=2001' }),
  'PUT /api/survey/contacts/:shopId': () => ({ url: '/api/survey/contacts/nobody', body: { email: 'info@winkel.nl' } }),
  'DELETE /api/survey/contacts/:shopId': () => ({ url: '/api/survey/contacts/nobody' }),
  'POST /api/survey/contacts/import': () => ({ url: '/api/survey/contacts/import', body: { csv: 'naam;email\nNiemand;info@winkel.nl\n' } }),
  'POST /api/survey/mail': () => ({ url: '/api/survey/mail', body: { year: 2001 } }),
  'POST /api/public/survey/open': () => ({ url: '/api/public/survey/open', body: { token: bogusToken } }),
  'PUT /api/public/survey/draft': () => ({ url: '/api/public/survey/draft', body: { token: bogusToken, answers: {} } }),
  'POST /api/public/survey/submit': () => ({ url: '/api/public/survey/submit', body: { token: bogusToken, answers: {} } }),
  'GET /api/public/survey/:municipality': () => ({ url: '/api/public/survey/testdorp?year=2001' }),
  'GET /api/public/survey/:municipality/areas/:areaId': () => ({ url: '/api/public/survey/testdorp/areas/centrum?year=2001' }),
  // Open data: an empty list (400), an unknown area (404), an invalid decision (400): nothing is fetched or kept.
  'POST /api/geocode': () => ({ url: '/api/geocode', body: { rows: [] } }),
  'GET /api/bag/areas/:id/premises': () => ({ url: '/api/bag/areas/no-such-area/premises' }),
  'POST /api/bag/areas/:id/refresh': () => ({ url: '/api/bag/areas/no-such-area/refresh', body: {} }),
  'GET /api/bag/premises': () => ({ url: '/api/bag/premises?bbox=5,51,7,53' }), // refused as too large before PDOK is asked: no test reaches the internet,
  'GET /api/bag/summary': () => ({ url: '/api/bag/summary' }),
  'GET /api/bag/decisions': () => ({ url: '/api/bag/decisions' }),
  'PUT /api/bag/decisions/:premisesId': () => ({ url: `/api/bag/decisions/${'0'.repeat(16)}`, body: { kind: 'café' } }),
  // Worries: a token nobody made (404), invalid bodies (400) and ids nobody has (404, 409).
  'POST /api/public/worry-link': () => ({ url: '/api/public/worry-link', body: { token: bogusToken } }),
  'POST /api/public/worries': () => ({ url: '/api/public/worries', body: { token: bogusToken, point: [6.16, 52.25], categoryCode: 'lighting', text: 'x' } }),
  'GET /api/worry-links': () => ({ url: '/api/worry-links' }),
  'POST /api/worry-links': () => ({ url: '/api/worry-links', body: {} }),
  'POST /api/worry-links/revoke': () => ({ url: '/api/worry-links/revoke', body: {} }),
  'GET /api/worries': () => ({ url: '/api/worries' }),
  'POST /api/worries/:id/decision': () => ({ url: '/api/worries/00000000-0000-4000-8000-000000000000/decision', body: { decision: 'reject' } }),
  'GET /api/worries/:id/photo': () => ({ url: '/api/worries/00000000-0000-4000-8000-000000000000/photo' }),
  // Public pages: 404 (not public) for strangers, the figures for members; nothing changes.
  'GET /api/public/pages/:municipality': () => ({ url: '/api/public/pages/testdorp' }),
  'GET /api/public/pages/:municipality/:areaId': () => ({ url: '/api/public/pages/testdorp/centrum' }),
  'GET /api/public/certificates/:municipality/:areaId/:year': () => ({ url: '/api/public/certificates/testdorp/centrum/2026' }),
  'GET /api/public/trends/:municipality': () => ({ url: '/api/public/trends/testdorp' }),
  'GET /api/public/trends/:municipality/:areaId': () => ({ url: '/api/public/trends/testdorp/centrum' }),
  'GET /api/public-pages': () => ({ url: '/api/public-pages' }),
  'PUT /api/public-pages': () => ({ url: '/api/public-pages', body: { public: 'maybe' } }),
};
