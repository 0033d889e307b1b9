/**
 * Who may do what: the ONE table of API routes and roles, and the capabilities the app's shell and
 * screens ask about. Pure, so the server (src/server/auth/accessTable.ts attaches a guard per route)
 * and the client (menus, routes, the sync engine, which buttons show) decide from the same rules.
 *
 * - `open`: anyone, also without an account (the app shell needs these before login).
 * - `signedIn`: any active account, whatever its roles.
 * - `publicWhenEnabled`: anyone when the coordinator made the partners' view public, else `signedIn`.
 * - a list of roles: an active account holding at least one of them.
 *
 * Record-level checks (a schouwer edits only their own open finding, ...) come on top, in the route
 * and in the domain functions (findingStatus.ts).
 */
import type { Role } from './findingStatus';

export type Access = 'open' | 'signedIn' | 'publicWhenEnabled' | readonly Role[];

export const everyRole: readonly Role[] = ['coordinator', 'schouwer', 'wijkbeheerder', 'partner'];
/** Roles that sync records at all (SPEC.md R16): everyone but partners, who see only the public summary. */
export const syncRoles: readonly Role[] = ['coordinator', 'schouwer', 'wijkbeheerder'];

export const accessTable = {
  'GET /api/health': 'open',
  'GET /api/areas': 'open',
  'GET /api/config': 'open',

  'POST /api/auth/login': 'open',
  // Open: logging out with an expired session must still clear the cookie.
  'POST /api/auth/logout': 'open',
  'GET /api/auth/me': 'signedIn',
  // The app's "who am I" on start: open, answering { user: null } without a session, so a device
  // without an account learns it without a 401 in its console.
  'GET /api/auth/session': 'open',
  'POST /api/auth/setup': 'open',
  'POST /api/auth/accept-invite': 'open',
  // Anyone signed in changes their own password (the current one is checked in the route).
  'POST /api/auth/password': 'signedIn',
  // Open: the one-time reset token in the body is the permission.
  'POST /api/auth/reset-password': 'open',

  'GET /api/users': ['coordinator'],
  'POST /api/users/invites': ['coordinator'],
  'GET /api/users/invites': ['coordinator'],
  'DELETE /api/users/invites/:id': ['coordinator'],
  'POST /api/users/:id/reset-link': ['coordinator'],
  'PATCH /api/users/:id': ['coordinator'],
  // Account removal: the name becomes "voormalig deelnemer", the login is freed (issue 12).
  'POST /api/users/:id/remove': ['coordinator'],
  'GET /api/settings': ['coordinator'],
  'PATCH /api/settings': ['coordinator'],

  // The people directory: names for the history on every device that syncs (no e-mail for non-coordinators).
  'GET /api/people': syncRoles,

  'GET /api/public/summary': 'publicWhenEnabled',

  // Retention policy and the record of the anonymising job (src/server/retention).
  'GET /api/retention': ['coordinator'],
  'PUT /api/retention': ['coordinator'],

  // Sync and photos (src/server/sync, SPEC.md R16/R18): partners sync nothing and see no photos.
  'POST /api/sync/push': syncRoles,
  'GET /api/sync/pull': syncRoles,
  'PUT /api/photos/:sha256': syncRoles,
  'GET /api/photos/:sha256': syncRoles,

  // Owner organisations and mail (src/server/mail): every account reads the organisations (assigning
  // works offline from that list; addresses only reach coordinators); the coordinator keeps them.
  'GET /api/owners': 'signedIn',
  'POST /api/owners': ['coordinator'],
  'PATCH /api/owners/:id': ['coordinator'],
  'GET /api/owners/members': ['coordinator'],
  'PUT /api/owners/members/:userId': ['coordinator'],
  'GET /api/mail': ['coordinator'],
  // Any account: the answer is the caller's own organisation's open actions (none when not linked).
  'GET /api/my-actions': 'signedIn',

  // Area editing (src/server/areas).
  'PUT /api/areas/:id': ['coordinator'],
  'POST /api/areas': ['coordinator'],
  'POST /api/areas/:id/retire': ['coordinator'],
  'GET /api/areas/:id/versions': ['coordinator'],
  'POST /api/areas/:id/restore': ['coordinator'],
  // The same data as GET /api/areas, as a file.
  'GET /api/areas/export': 'open',
  'POST /api/areas/import': ['coordinator'],
  'POST /api/areas/import/apply': ['coordinator'],

  // The shop survey (src/server/survey, SPEC.md R44-R46): the coordinator sets it up and makes the
  // links; a shopkeeper needs no account (the one-time token in the body is the permission); the
  // public results show an area only from the threshold.
  'GET /api/survey': ['coordinator'],
  'PUT /api/survey': ['coordinator'],
  'GET /api/survey/links': ['coordinator'],
  'POST /api/survey/links': ['coordinator'],
  'POST /api/survey/links/reissue': ['coordinator'],
  'POST /api/survey/links/:id/revoke': ['coordinator'],
  'GET /api/survey/results': ['coordinator'],
  // Survey links by e-mail (R51, R52): the shops' business addresses are the coordinator's only.
  'GET /api/survey/mailing': ['coordinator'],
  'PUT /api/survey/contacts/:shopId': ['coordinator'],
  'DELETE /api/survey/contacts/:shopId': ['coordinator'],
  'POST /api/survey/contacts/import': ['coordinator'],
  'POST /api/survey/mail': ['coordinator'],
  'POST /api/public/survey/open': 'open',
  'PUT /api/public/survey/draft': 'open',
  'POST /api/public/survey/submit': 'open',
  'GET /api/public/survey/:municipality': 'open',
  'GET /api/public/survey/:municipality/areas/:areaId': 'open',
  // Open data (issue 14): geocoding for the shop import, BAG premises per area and decisions on them.
  'POST /api/geocode': ['coordinator'],
  'GET /api/bag/areas/:id/premises': ['coordinator'],
  'POST /api/bag/areas/:id/refresh': ['coordinator'],
  'GET /api/bag/premises': ['coordinator'],
  'GET /api/bag/summary': ['coordinator'],
  'GET /api/bag/decisions': ['coordinator'],
  'PUT /api/bag/decisions/:premisesId': ['coordinator'],
  // Worries before the walk (src/server/worries, SPEC.md R47): the link token in the body is the
  // shopkeeper's permission; the coordinator's routes check the role in the asked municipality too.
  'POST /api/public/worry-link': 'open',
  'POST /api/public/worries': 'open',
  'GET /api/worry-links': ['coordinator'],
  'POST /api/worry-links': ['coordinator'],
  'POST /api/worry-links/revoke': ['coordinator'],
  'GET /api/worries': ['coordinator'],
  'POST /api/worries/:id/decision': ['coordinator'],
  'GET /api/worries/:id/photo': ['coordinator'],
  // Public pages (src/server/public, R49): open; the route answers only when the municipality made
  // them public or the asker belongs to it. The coordinator switches them on.
  'GET /api/public/pages/:municipality': 'open',
  'GET /api/public/pages/:municipality/:areaId': 'open',
  'GET /api/public/certificates/:municipality/:areaId/:year': 'open',
  'GET /api/public/trends/:municipality': 'open',
  'GET /api/public/trends/:municipality/:areaId': 'open',
  'GET /api/public-pages': ['coordinator'],
  'PUT /api/public-pages': ['coordinator'],
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof accessTable;

/** `GET /api/users/:id` → its entry, or undefined. HEAD routes share their GET's entry. */
export function accessFor(method: string, url: string, table: Record<string, Access> = accessTable): Access | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return table[`${m} ${url}`];
}

export function splitRouteKey(key: string): { method: string; url: string } {
  const [method, url] = key.split(' ') as [string, string];
  return { method, url };
}

/** Whether `roles` (null: not signed in) may use a route with `access`. */
export function allows(access: Access, roles: readonly Role[] | null, partnersPublic: boolean): boolean {
  if (access === 'open') return true;
  if (access === 'publicWhenEnabled' && partnersPublic) return true;
  if (roles === null) return false;
  if (access === 'signedIn' || access === 'publicWhenEnabled') return true;
  return roles.some((r) => access.includes(r));
}

/**
 * What the app's screens ask. Each capability is one route of the table (so the menu and the server
 * cannot disagree) or, where no single route decides, a role list kept next to the rule it mirrors.
 */
const capabilityRoutes = {
  /** Push and pull records; the sync engine runs only for these people. */
  sync: 'GET /api/sync/pull',
  /** See names in the history. */
  people: 'GET /api/people',
  manageUsers: 'GET /api/users',
  editAreas: 'PUT /api/areas/:id',
  /** "Mijn acties": any account (the answer is empty for someone not linked to an organisation). */
  myActions: 'GET /api/my-actions',
  manageOwners: 'POST /api/owners',
  viewMail: 'GET /api/mail',
  /** Set up the shop survey, make letters, read results with free text. */
  manageSurvey: 'GET /api/survey',
  /** Shopkeepers' worries, their links and the public pages (issue 16). */
  moderateWorries: 'GET /api/worries',
} as const satisfies Record<string, RouteKey>;

const capabilityRoles = {
  /** Plan and walk a schouw, capture findings (findingStatus.ts mayCreateFinding; inspections' writers). */
  walk: ['coordinator', 'schouwer'],
  /** The follow-up screens: the findings list, report, export (everyone who syncs findings). */
  followUpView: syncRoles,
  /** Assign, status changes, comments on any finding (findingStatus.ts follow-up commands). */
  followUp: ['coordinator', 'wijkbeheerder'],
  /**
   * The Winkels screen (shop register, participation, certification, scoring tables): the coordinator's
   * work; every control on it writes, so other roles do not get a screen of disabled buttons.
   */
  shopsView: ['coordinator'],
  editShops: ['coordinator'],
  certify: ['coordinator'],
  /** Correct the scoring tables. */
  correctTables: ['coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilityRoutes | keyof typeof capabilityRoles;
export const capabilities = [...Object.keys(capabilityRoutes), ...Object.keys(capabilityRoles)] as Capability[];

/** May someone with these roles (null: nobody signed in) do this? */
export function can(roles: readonly Role[] | null, capability: Capability): boolean {
  if (capability in capabilityRoutes) {
    return allows(accessTable[capabilityRoutes[capability as keyof typeof capabilityRoutes]], roles, false);
  }
  if (roles === null) return false;
  const allowed: readonly Role[] = capabilityRoles[capability as keyof typeof capabilityRoles];
  return roles.some((r) => allowed.includes(r));
}
