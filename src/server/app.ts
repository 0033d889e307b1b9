import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { MunicipalityConfig } from '../domain/municipality';
import { installAuth, type AuthOptions } from './auth/install';
import { registerAreaRoutes } from './areas/areaRoutes';
import type { LogLevel, ServerConfig } from './config';
import type { Store } from './store/Store';
import { areaToFeature } from './areas/refusal';
import { registerRetentionRoutes } from './retention/routes';
import { registerSync } from './sync/routes';
import { FsPhotoStore, type PhotoStore } from './sync/PhotoStore';
import { errorCode, tryAgainCause } from './errors';
import { installCompression } from './compression';
import { installMetrics, noteTryAgain } from './metrics';
import { registerOwnerRoutes } from './mail/ownerRoutes';
import { registerSurveyMailRoutes } from './survey/mailRoutes';
import { BodyRefused, installBodyGuard } from './http/bodyGuard';
import { loggerOptions } from './http/logging';
import { toPointer } from '../domain/text';
import { placesFor } from './sync/places';
import { SETUP_LINK_FILE } from './auth/setupLink';
import { registerSurveyCoordinatorRoutes } from './survey/coordinatorRoutes';
import { SURVEY_PAGE_PATH } from '../domain/survey/link';
import { registerPublicSurveyRoutes, type PublicSurveyOptions } from './survey/publicRoutes';
import { noBagSource, noGeocoder, registerPdokRoutes } from './pdok/routes';
import type { Geocoder } from './pdok/geocoder';
import type { BagSource } from './pdok/bagClient';
import { registerWorryRoutes } from './worries/worryRoutes';
import { registerPublicPageRoutes } from './public/publicPageRoutes';

export interface AppOptions {
  store: Store;
  config: Pick<ServerConfig, 'staticDir' | 'tiles'> & Partial<Pick<ServerConfig, 'mail'>> & { trustProxy?: boolean | number; photosDir?: string; dataDir?: string };
  municipality: MunicipalityConfig;
  /** Every municipality served (`?municipality=<id>`); default: only `municipality`, which stays the default. */
  municipalities?: readonly MunicipalityConfig[];
  /** Fastify's logger: off by default (tests), a level in `main.ts`; a stream for tests that read the log. */
  logger?: false | { level: LogLevel; stream?: NodeJS.WritableStream };
  /** Largest accepted request body in bytes (default 1 MiB; photo uploads will set their own). */
  bodyLimit?: number;
  /** /metrics for this bearer token (METRICS_TOKEN); none when unset. */
  metricsToken?: string;
  /** Where photos live; default the folder `config.photosDir`. */
  photoStore?: PhotoStore;
  /** Test knobs of the auth layer (a lower login limit, access rules for test-only routes). */
  auth?: Pick<AuthOptions, 'loginAttemptsPerMinute' | 'loginLimits' | 'extraAccess'>;
  /** Test knobs of the public survey routes (lower rate limits, a clock). */
  survey?: Pick<PublicSurveyOptions, 'perAddress' | 'perLink' | 'now'>;
  /** Open-data services (src/server/pdok); without them every lookup answers 503, nothing leaves the machine. */
  pdok?: { geocoder: Geocoder; bag: BagSource };
}

export interface Issue {
  /** JSON Pointer into the input ("" for the whole input). */
  path: string;
  message: string;
}

const BRT_ATTRIBUTION = 'Kaartgegevens © Kadaster (PDOK, BRT-Achtergrondkaart)';
const LUCHTFOTO_ATTRIBUTION = 'Luchtfoto © Beeldmateriaal Nederland (PDOK)';

/** The HTTP API and the built PWA. Not listening yet: call `listen()` or use `inject()`. */
export function buildApp({ store, photoStore, metricsToken, config, municipality, municipalities: more = [], logger = false, bodyLimit = 1024 * 1024, auth, survey = {}, pdok }: AppOptions): FastifyInstance {
  const municipalities = [municipality, ...more.filter((m) => m.id !== municipality.id)];
  const app = Fastify({
    logger: logger === false ? false : loggerOptions(logger.level, logger.stream),
    bodyLimit,
    // Requests that hang are cut off rather than holding a connection for ever.
    requestTimeout: 60_000,
    return503OnClosing: true,
    // Behind TLS proxies (TRUST_PROXY=n): only the last n hops of X-Forwarded-For are believed, so a
    // client cannot pick its own address for the login limits by sending the header itself.
    trustProxy: proxyHops(config.trustProxy),
  });
  // Before any route: depth and storable-text checks for every JSON body.
  installBodyGuard(app);
  // First, before any route: it guards every /api route from src/server/auth/accessTable.ts.
  installAuth(app, { store, municipality: municipality.id, municipalities: municipalities.map((m) => m.id), ...(config.dataDir ? { setupLinkFile: path.join(config.dataDir, SETUP_LINK_FILE) } : {}), ...auth });

  const csp = contentSecurityPolicy(Object.values(config.tiles));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'geolocation=(self), camera=(self), microphone=()');
    reply.header('Content-Security-Policy', csp);
    // The service worker never caches API answers, and neither may anything in between.
    if (isApiPath(request.url) && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Before compression, so the pull size is counted as sent before it is compressed.
  installMetrics(app, { store, token: metricsToken, municipalities: municipalities.map((m) => m.id), pool: () => (store as { poolState?: () => { total: number; idle: number; waiting: number } | undefined }).poolState?.() });
  installCompression(app);

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(pathname) &&
      !pathname.startsWith('/assets/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && (pathname === SURVEY_PAGE_PATH || pathname === `${SURVEY_PAGE_PATH}/`)) {
      // The shopkeeper's survey page: its own small page, not the app (issue 16).
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').sendFile('enquete.html');
    }
    if (wantsPage) {
      // Client-side routes: the app shell handles them.
      return reply.code(200).type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'not_found' });
  });

  // A photo folder that cannot be written would turn every upload into a 500: health says so.
  const photoFolder = photoStore ? (photoStore instanceof FsPhotoStore ? photoStore : undefined) : (config as Partial<ServerConfig>).photosDir ? new FsPhotoStore((config as Partial<ServerConfig>).photosDir!) : undefined;
  app.get('/api/health', async (_request, reply) => {
    const [{ ok: dbOk }, photosWhy] = await Promise.all([store.health(), photoFolder ? photoFolder.whyNotWritable() : null]);
    const ok = dbOk && photosWhy === null;
    if (!ok) reply.header('Retry-After', '5');
    return reply.code(ok ? 200 : 503).send({
      ok,
      db: store.kind,
      database: dbOk ? 'reachable' : 'unreachable',
      ...(photoFolder ? { photos: photosWhy === null ? 'writable' : 'not writable' } : {}),
    });
  });

  app.get('/api/areas', async (request, reply) => {
    const q = (request.query as { municipality?: unknown }).municipality;
    const m = typeof q === 'string' && q !== '' ? municipalities.find((x) => x.id === q) : municipality;
    if (!m) return reply.code(404).send({ error: 'unknown_municipality' });
    const areas = await store.listAreas(m.id);
    return { type: 'FeatureCollection', features: areas.map(areaToFeature) };
  });
  registerAreaRoutes(app, { store, municipalities });

  const clientConfig = {
    municipality: {
      id: municipality.id,
      name: municipality.name,
      center: municipality.center,
      zoom: municipality.zoom,
      boundary: municipality.boundary,
      attribution: municipality.attribution,
    },
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      center: m.center,
      zoom: m.zoom,
      boundary: m.boundary,
      attribution: m.attribution,
    })),
    basemaps: [
      { id: 'brt', label: 'BRT-Achtergrondkaart', url: config.tiles.brt, attribution: BRT_ATTRIBUTION },
      { id: 'brt-grey', label: 'BRT-Achtergrondkaart grijs', url: config.tiles.brtGrey, attribution: BRT_ATTRIBUTION },
      { id: 'luchtfoto', label: 'Luchtfoto', url: config.tiles.luchtfoto, attribution: LUCHTFOTO_ATTRIBUTION },
    ],
  };
  app.get('/api/config', async () => clientConfig);
  registerOwnerRoutes(app, { store, municipalities, smtpConfigured: Boolean(config.mail?.smtpUrl && config.mail.from) });
  registerSync(app, { store, photosDir: (config as Partial<ServerConfig>).photosDir, places: placesFor(store, municipalities), ...(photoStore ? { photoStore } : {}) });
  registerRetentionRoutes(app, { store, municipality: municipality.id, municipalities: municipalities.map((m) => m.id) });
  // In a plugin, so the rate limiter (registered by installAuth) is loaded before these routes are added.
  void app.register(async (scoped) => {
    registerSurveyCoordinatorRoutes(scoped, { store, municipalities: municipalities.map((m) => m.id), ...(config.mail?.publicUrl ? { publicUrl: config.mail.publicUrl } : {}) });
    registerPublicSurveyRoutes(scoped, { store, municipalities, ...survey });
    registerSurveyMailRoutes(scoped, {
      store,
      municipalities,
      smtpConfigured: Boolean(config.mail?.smtpUrl && config.mail.from),
      ...(config.mail?.publicUrl ? { publicUrl: config.mail.publicUrl } : {}),
    });
  });
  registerPdokRoutes(app, { store, municipalities, geocoder: pdok?.geocoder ?? noGeocoder, bag: pdok?.bag ?? noBagSource });
  registerWorryRoutes(app, { store, municipalities, photosDir: (config as Partial<ServerConfig>).photosDir, ...(photoStore ? { photoStore } : {}) });
  registerPublicPageRoutes(app, { store, municipalities });

  const root = path.resolve(config.staticDir);
  app.register(fastifyStatic, {
    root,
    wildcard: true, // look files up per request: a new build's files are served without a restart
    index: ['index.html'], // a list: @fastify/static finds the precompressed index only so
    redirect: false,
    cacheControl: false, // set below, per file
    etag: true,
    lastModified: true,
    dotfiles: 'ignore',
    preCompressed: true, // the .br/.gz copies the build makes (scripts/precompress.mjs, SPEC.md R24)
    setHeaders: (reply, file) => {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (rel.startsWith('assets/')) {
        // Vite puts a content hash in every file name under assets/.
        reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        // index.html, sw.js, manifest.webmanifest and other unhashed files: always revalidate.
        reply.header('Cache-Control', 'no-cache');
      }
    },
  });

  return app;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Tiles come from https: hosts (PDOK) or from whatever the tile URLs are configured to (tests serve
 * their own over http); offline packs fetch them, so they are allowed for images and for connections.
 */
export function contentSecurityPolicy(tileTemplates: readonly string[]): string {
  const tileOrigins = new Set<string>();
  for (const t of tileTemplates) {
    try {
      const origin = new URL(t.replace(/\{[xyzs]\}/g, '0')).origin;
      if (origin.startsWith('http:')) tileOrigins.add(origin);
    } catch {
      // Checked in config; nothing to add.
    }
  }
  const extra = [...tileOrigins].map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: https:${extra}`,
    `connect-src 'self' https:${extra}`,
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sendError(error: FastifyError | ZodError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof BodyRefused) return reply.code(400).send({ error: 'invalid_input', issues: error.issues });
  if (error instanceof ZodError) {
    const issues: Issue[] = error.issues.map((i) => ({ path: toPointer(i.path), message: i.message }));
    return reply.code(400).send({ error: 'invalid_input', issues });
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const issues: Issue[] = fe.validation.map((v) => {
      const missing = (v.params as { missingProperty?: unknown } | undefined)?.missingProperty;
      const where = `${v.instancePath ?? ''}${typeof missing === 'string' ? `/${missing}` : ''}`;
      return { path: where, message: v.message ?? 'invalid' };
    });
    return reply.code(400).send({ error: 'invalid_input', issues });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.code(400).send({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send({ error: 'invalid_json', message: 'The request body is empty but must be JSON.' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send({ error: 'payload_too_large', message: 'The request body is too large.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'This content type is not accepted here.' });
  }
  // A SyntaxError from the JSON parser (older paths) and other client errors keep their 4xx status.
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const message = error instanceof SyntaxError ? 'The request body is not valid JSON.' : fe.message;
    const code = error instanceof SyntaxError ? 'invalid_json' : status === 429 ? 'rate_limited' : 'bad_request';
    return reply.code(status).send({ error: code, message });
  }
  const cause = tryAgainCause(error);
  if (cause) {
    // The database is away (restart, dropped connections) or busy (every pooled connection in use for
    // the pool's wait bound): the client only has to ask again; its outbox keeps every entry meanwhile.
    noteTryAgain(request, cause);
    request.log.warn({ code: errorCode(error), cause }, 'database unavailable');
    return reply.code(503).header('Retry-After', '5').send({ error: 'database_unavailable', message: 'The database is not reachable right now; try again shortly.' });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send({ error: 'internal' });
}

/**
 * Fastify's `trustProxy` for n proxies in front of this server: the socket's peer (hop 0) and the
 * n - 1 addresses before it in X-Forwarded-For are proxies; the next one is the client.
 */
function proxyHops(setting: boolean | number | undefined): false | ((address: string, hop: number) => boolean) {
  const n = setting === true ? 1 : typeof setting === 'number' ? setting : 0;
  return n > 0 ? (_address, hop) => hop < n : false;
}
