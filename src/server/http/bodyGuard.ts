/**
 * Checks every JSON request body before any route sees it (issue 12, defects 2 and 4):
 * - nesting deeper than MAX_JSON_DEPTH is refused while parsing, so a 10,000-deep body is a 400 and
 *   never a stack overflow in a validator;
 * - a string (or key) PostgreSQL cannot store (NUL, a lone surrogate) is a 400 naming the field, so it
 *   never reaches the database as a 500. Push opts out (`config.perMutationInput`): it answers such
 *   input per mutation, so one bad entry does not block a device's whole outbox (SPEC R24).
 */
import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH, UNSTORABLE_MESSAGE, findUnstorable, jsonDepth, toPointer } from '../../domain/text';

/** A body refused before validation: answered 400 `invalid_input` with its issues by the error handler. */
export class BodyRefused extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues[0]?.message ?? 'invalid input');
    this.name = 'BodyRefused';
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks unstorable text itself, per part of its body (push). */
    perMutationInput?: boolean;
  }
}

export function installBodyGuard(app: FastifyInstance): void {
  // Fastify's own parser (prototype-poisoning checks included), after a depth check on the raw text.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new BodyRefused([{ path: '', message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }]), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query]) {
      const where = findUnstorable(part);
      if (where) throw new BodyRefused([{ path: toPointer(where), message: UNSTORABLE_MESSAGE }]);
    }
    if (request.routeOptions.config?.perMutationInput) return;
    const where = findUnstorable(request.body);
    if (where) throw new BodyRefused([{ path: toPointer(where), message: UNSTORABLE_MESSAGE }]);
  });
}
