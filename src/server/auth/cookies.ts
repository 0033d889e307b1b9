/**
 * The one cookie the server sets. Written by hand rather than with a plugin: it is a single name with
 * a base64url value, so neither parsing nor escaping has corner cases here.
 */
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'schouwkaart_session';
export const SESSION_TTL_MS = 30 * 24 * 3600_000;

/** HTTPS as the browser sees it; behind a proxy only when TRUST_PROXY=1 lets Fastify read X-Forwarded-Proto. */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    // Lax: sent when following a link to the app, never on a cross-site POST.
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
