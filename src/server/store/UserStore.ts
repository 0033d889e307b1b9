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
}

/** Refusals the routes turn into 4xx answers; anything else is a real fault. */
export type UserStoreRefusal = 'login_taken' | 'invalid_token' | 'setup_done' | 'last_coordinator' | 'not_found';

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
  countUsers(): Promise<number>;
  getUser(id: string): Promise<StoredUser | undefined>;
  getUserByLogin(login: string): Promise<StoredUser | undefined>;
  listUsers(): Promise<PublicUser[]>;
  /**
   * The people directory (GET /api/people), everyone with an account, disabled ones included (their
   * names stay in old histories), with their login. The ONE query for it, so scoping it (per
   * municipality) changes one place; the route leaves the login out for non-coordinators.
   */
  listPeople(): Promise<Required<Person>[]>;

  /** Remember a setup token; refused with `setup_done` once any user exists. */
  addSetupToken(tokenHash: string): Promise<void>;
  /**
   * Create the first coordinator with a valid setup token, and invalidate every setup token. Refused
   * with `setup_done` when a user exists (also when two setups race), `invalid_token` for an unknown token.
   */
  completeSetup(tokenHash: string, user: NewUser): Promise<void>;

  /** Returns the invite's id (not a secret: it names the invite in the list and for a revoke). */
  createInvite(invite: { tokenHash: string; roles: Role[]; createdBy: string | null; expiresAt: Date }): Promise<string>;
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
   * Change roles and/or disabled. Disabling also ends the user's sessions. Refused with
   * `last_coordinator` when no active coordinator would be left, `not_found` for an unknown id.
   */
  updateUser(id: string, patch: { roles?: Role[]; disabled?: boolean; organisation?: string | null }): Promise<PublicUser>;

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
