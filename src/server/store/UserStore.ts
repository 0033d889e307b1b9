import type { OpenInvite, PublicUser, ServerSettings } from '../../domain/account';
import type { Person } from '../../domain/people';
import type { Role } from '../../domain/findingStatus';

/** A user with the secret the login checks; only the auth code sees this shape. */
export interface StoredUser extends PublicUser {
  passwordHash: string;
}

export interface NewUser {
  id: string;
  name: string;
  /** Already lower-cased. */
  login: string;
  passwordHash: string;
  roles: Role[];
  /** The municipality these roles are for; without it, the store's home municipality (R30). */
  municipality?: string;
}

/** Refusals the routes turn into 4xx answers; anything else is a real fault. */
export type UserStoreRefusal = 'login_taken' | 'invalid_token' | 'setup_done' | 'last_coordinator' | 'not_found' | 'not_allowed_for_municipality';

export class UserStoreError extends Error {
  constructor(readonly code: UserStoreRefusal) {
    super(code);
  }
}

/**
 * Accounts, sessions, invites, the setup token and settings (migration 002). Every token argument is
 * the SHA-256 hash of the token, never the token itself. Methods that can be refused throw
 * `UserStoreError`; each refusal leaves the database as it was.
 */
export interface UserStore {
  /**
   * The server's configured municipality: a user without membership rows (from before migration 010)
   * counts as a member of it with their roles, and a new user or invite without one gets it.
   */
  useHomeMunicipality(municipality: string): void;
  /** Give every user without a membership row one in the home municipality with their roles (at start). */
  adoptUsers(): Promise<number>;
  countUsers(): Promise<number>;
  getUser(id: string): Promise<StoredUser | undefined>;
  getUserByLogin(login: string): Promise<StoredUser | undefined>;
  /** Every user, or only those with a membership in one of `municipalities`. */
  listUsers(municipalities?: readonly string[]): Promise<PublicUser[]>;
  /**
   * The people directory (GET /api/people), everyone with an account, disabled ones included (their
   * names stay in old histories), with their login. The ONE query for it: with `municipalities`, only
   * people who belong to one of them (SPEC.md R30); the route leaves the login out for non-coordinators.
   */
  listPeople(municipalities?: readonly string[]): Promise<Required<Person>[]>;

  /** Remember a setup token; refused with `setup_done` once any user exists. */
  addSetupToken(tokenHash: string): Promise<void>;
  /**
   * Create the first coordinator with a valid setup token, and invalidate every setup token. Refused
   * with `setup_done` when a user exists (also when two setups race), `invalid_token` for an unknown token.
   */
  completeSetup(tokenHash: string, user: NewUser): Promise<void>;

  /** Returns the invite's id (not a secret: it names the invite in the list and for a revoke). */
  createInvite(invite: { tokenHash: string; roles: Role[]; createdBy: string | null; expiresAt: Date; municipality?: string }): Promise<string>;
  /** Create the user with the invite's roles and mark the invite used, at once. `invalid_token` when unknown, used, revoked or expired. */
  acceptInvite(tokenHash: string, user: Omit<NewUser, 'roles'>): Promise<StoredUser>;
  /** Invites not used, not revoked and not expired at `now`, newest first. */
  listOpenInvites(now?: Date): Promise<OpenInvite[]>;
  /** The link stops working at once. `not_found` when the invite is unknown or no longer open. */
  revokeInvite(id: string, now?: Date): Promise<void>;

  /** A one-time reset link for this user; earlier unused links of theirs stop working. `not_found` for an unknown user. */
  createPasswordReset(reset: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date }): Promise<void>;
  /**
   * Set a new password with a reset token, spend the token and end every session of the user (whoever
   * had the old password is out). `invalid_token` when unknown, used or expired, or the user is disabled.
   */
  resetPassword(tokenHash: string, passwordHash: string, now?: Date): Promise<StoredUser>;
  /** Set a new password and end the user's sessions except `keepSession` (the one asking). */
  changePassword(userId: string, passwordHash: string, keepSession: string | null): Promise<void>;

  /**
   * Change roles (in `municipality`, the home one when omitted) and/or disabled. Disabling also ends the
   * user's sessions. Refused with `last_coordinator` when that municipality (or the server) would have
   * no active coordinator left, `not_found` for an unknown id.
   */
  updateUser(id: string, patch: { roles?: Role[]; disabled?: boolean; organisation?: string | null; municipality?: string }): Promise<PublicUser>;
  /**
   * Remove a person's account: the name becomes `formerName` everywhere it is read from here, the login
   * is freed, the password can never match, sessions end; memberships, findings and history stay (so
   * the history names them "voormalig deelnemer"). Refused with `last_coordinator` or `not_found`.
   */
  removeUser(id: string, formerName: string): Promise<void>;

  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void>;
  /** The session's user when the session exists, has not expired and the user is not disabled. */
  findSession(tokenHash: string, now?: Date): Promise<{ user: StoredUser; expiresAt: Date } | undefined>;
  extendSession(tokenHash: string, expiresAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Remove sessions that expired before `now`, so the table does not grow for ever. */
  deleteExpiredSessions(now?: Date): Promise<number>;

  getSettings(): Promise<ServerSettings>;
  updateSettings(patch: Partial<ServerSettings>): Promise<ServerSettings>;
}
