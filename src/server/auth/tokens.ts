import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A secret for a cookie or a link: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a token. A plain SHA-256 is enough (no salt, no stretching): the token
 * has 256 random bits, so there is nothing to guess, and the lookup must be by equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newUserId(): string {
  return randomUUID();
}
