/**
 * Accounts: the shapes the client sends and the server checks (one zod schema for both), and the
 * constants both sides must agree on.
 */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './authConstants';
import { roleSchema, type Role } from './findingStatus';
import { checkPassword } from './passwordRules';
import { storableString } from './text';

export { CSRF_HEADER, CSRF_VALUE, PASSWORD_MAX, PASSWORD_MIN } from './authConstants';

const password = storableString()
  .min(PASSWORD_MIN, { message: `must be at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { message: `must be at most ${PASSWORD_MAX} characters` });
const login = storableString()
  .trim()
  .min(3, { message: 'must be at least 3 characters' })
  .max(200, { message: 'must be at most 200 characters' })
  .regex(/^[^\s]+$/, { message: 'must not contain spaces' })
  .transform((s) => s.toLowerCase());
const displayName = storableString().trim().min(1, { message: 'must not be empty' }).max(120, { message: 'must be at most 120 characters' });
// Tokens are 32 random bytes in base64url (43 characters); anything much longer is not ours.
const token = storableString().min(20, { message: 'is not a valid token' }).max(100, { message: 'is not a valid token' });
const roleList = z
  .array(roleSchema)
  .min(1, { message: 'must hold at least one role' })
  .max(4)
  .transform((rs) => [...new Set(rs)]);

export const loginInputSchema = z.strictObject({
  login,
  // Not checked for length here: an old, shorter password must still get "wrong password", not a hint.
  password: storableString().min(1).max(PASSWORD_MAX),
});
/** A new password: the rules of passwordRules.ts, reported with their reason code as the message. */
function withPasswordRules<T extends { login: string; password: string }>(input: T, ctx: z.RefinementCtx): void {
  const reason = checkPassword(input.password, input.login);
  // Length has its own message from the field's schema; the rules add what length cannot see.
  if (reason && reason !== 'password_too_short' && reason !== 'password_too_long') ctx.addIssue({ code: 'custom', path: ['password'], message: reason });
}
export const setupInputSchema = z.strictObject({ token, name: displayName, login, password }).superRefine(withPasswordRules);
export const acceptInviteInputSchema = z.strictObject({ token, name: displayName, login, password }).superRefine(withPasswordRules);
const organisation = storableString()
  .trim()
  .max(120, { message: 'must be at most 120 characters' })
  .transform((s) => (s === '' ? null : s));

const municipalityId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a municipality id such as deventer' }).max(60);
export const inviteInputSchema = z.strictObject({
  roles: roleList,
  /** The municipality the roles are for; the server's own when omitted. */
  municipality: municipalityId.optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export const userPatchSchema = z
  .strictObject({
    roles: roleList.optional(),
    disabled: z.boolean().optional(),
    organisation: organisation.nullable().optional(),
    /** The municipality `roles` are for (SPEC.md R30); the server's own when omitted. */
    municipality: municipalityId.optional(),
  })
  .refine((p) => p.roles !== undefined || p.disabled !== undefined || p.organisation !== undefined, {
    message: 'give roles, disabled or organisation',
  });
/** A person changes their own password: the current one proves it is them. */
export const passwordChangeSchema = z.strictObject({ current: z.string().min(1).max(PASSWORD_MAX), password });
/** A one-time reset link's token and the new password. */
export const passwordResetSchema = z.strictObject({ token, password });
export const resetLinkInputSchema = z.strictObject({ expiresInHours: z.number().int().min(1).max(168).default(48) });
export const inviteIdSchema = z.uuid();
export const settingsPatchSchema = z.strictObject({ partnersPublic: z.boolean() });
export const userIdSchema = z.string().min(1).max(100);

export type LoginInput = z.infer<typeof loginInputSchema>;
export type SetupInput = z.infer<typeof setupInputSchema>;
export type InviteInput = z.infer<typeof inviteInputSchema>;
export type UserPatch = z.infer<typeof userPatchSchema>;

/** A user as the API shows it (never the password hash). */
export interface PublicUser {
  id: string;
  name: string;
  login: string;
  roles: Role[];
  /** Roles per municipality (R30): a person sees and writes only the records of these. */
  municipalities: Record<string, Role[]>;
  disabled: boolean;
  /** Set when the coordinator removed the account; the name is then "voormalig deelnemer". */
  removed?: boolean;
  createdAt: string;
  organisation: string | null;
}

/** An invite that can still be used, as the coordinator's list shows it (never its token). */
export interface OpenInvite {
  id: string;
  roles: Role[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  /** The municipality the invite is for (R30); null for invites from before: the server's own. */
  municipality: string | null;
}

/** What GET /api/auth/me answers, and what the client keeps for offline use. */
export const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  roles: z.array(roleSchema),
  /** Roles per municipality; older servers did not send it. */
  municipalities: z.record(z.string(), z.array(roleSchema)).optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export interface ServerSettings {
  partnersPublic: boolean;
}
