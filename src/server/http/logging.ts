/**
 * What the server's log may hold (issue 12, defect 5): never a secret or a person's free text. Pino
 * redacts known secret fields wherever a log call puts them, and errors are logged through our own
 * serializer, which keeps what says what went wrong (type, message, code, stack) and drops what a
 * database driver attaches (the SQL parameters: a new user's password hash, a whole finding).
 */
import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config';

/** Field names whose values never reach a log line, at the top level or one object down. */
export const SECRET_FIELDS = [
  'password',
  'passwordHash',
  'password_hash',
  'hash',
  'token',
  'tokenHash',
  'cookie',
  'setupLink',
  'link',
  'description',
  'notes',
  'note',
  'fixNote',
  'wontFixReason',
  'reason',
  'params',
  'parameters',
  'changes',
  'events',
  'body',
] as const;

export const redactPaths: string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
];

/** Only the parts of an error that describe it; a driver's `params`, `detail` or `where` are left out. */
export function serializeError(err: unknown): { type: string; message: string; stack: string; code?: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: '(not an Error)', stack: '' };
  const code = (err as { code?: unknown }).code;
  // A database error's message quotes the value it choked on after a colon ("invalid input syntax
  // for type integer: \"<a password hash>\""): for those, the text before the value says enough.
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  const message = sqlState ? withoutValue(err.message) : err.message;
  const stack = (err.stack ?? '').replace(err.message, message);
  return { type: err.name, message, stack, ...(typeof code === 'string' ? { code } : {}) };
}

function withoutValue(message: string): string {
  const cut = message.indexOf(': ');
  return (cut >= 0 ? `${message.slice(0, cut)}: [redacted]` : message).replace(/\(([^)]*)\)=\(([^)]*)\)/g, '($1)=([redacted])');
}

export function loggerOptions(level: LogLevel, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    ...(stream ? { stream } : {}),
  };
}
