/**
 * Text a database can store, and JSON a server can walk: the one place both the client's record
 * schemas and the server's routes check for characters PostgreSQL refuses (NUL in text and jsonb, and
 * UTF-16 surrogate halves without their partner, which are no Unicode at all) and for nesting so deep
 * that a recursive validator overflows its stack. Pure.
 */
import { z } from 'zod';

/** Deeper JSON than this is refused before any validation (a record of ours nests at most ~8 deep). */
export const MAX_JSON_DEPTH = 64;

export const UNSTORABLE_MESSAGE = 'contains a character that cannot be stored (a NUL character or a broken Unicode surrogate)';

// Without the `u` flag the regex sees UTF-16 code units, so it can find a lone half of a pair.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** A zod string that refuses what a database cannot store; every text field of a record builds on it. */
export function storableString(): z.ZodString {
  return z.string().refine(isStorableText, UNSTORABLE_MESSAGE) as unknown as z.ZodString;
}

/** JSON Pointer (RFC 6901) of a path. */
export function toPointer(segments: readonly PropertyKey[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The path of the first string (value or key) in `value` that cannot be stored, or null. Walks with
 * an explicit stack, so it is safe on any depth the parser let through.
 */
export function findUnstorable(value: unknown): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (const k of keys) if (!isStorableText(k)) return [...path, k];
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return null;
}

/** How deep the JSON text nests ({ and [), read without parsing it; strings are skipped. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The same for a parsed value (client-side data, or JSON parsed elsewhere). */
export function valueDepth(value: unknown, limit = MAX_JSON_DEPTH + 1): number {
  let max = 0;
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max >= limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, d: depth });
  }
  return max;
}
