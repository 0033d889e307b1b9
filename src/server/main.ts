// Entry point: `tsx src/server/main.ts` (npm run serve). Configuration comes from the environment; see
// config.ts. A failure at start prints one line per problem on stderr, without a stack trace, and exits 1.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig, type ServerConfig } from './config';
import { pdokServices } from './pdok/services';
import { prepareSetupLink } from './auth/setupLink';
import { startRetentionTimer } from './retention/job';
import { FsPhotoStore } from './sync/PhotoStore';
import { StartupError, errorCode, errorMessage } from './errors';
import { loadAreasIfEmpty } from './loadAreas';
import { displayPath, loadAllMunicipalities } from './municipality';
import { openStore } from './store/openStore';
import { migrationsLine } from './store/migrate';
import { MailWorker } from './mail/worker';
import { smtpTransport } from './mail/transport';
import { describePhotoStore, openPhotoStore } from './sync/openPhotoStore';
import { S3PhotoStore } from './sync/S3PhotoStore';
import type { Store } from './store/Store';

let config: ServerConfig | undefined;

async function main(): Promise<void> {
  config = loadConfig();
  const cfg = config;
  // Every municipality file in GEO_DIR is served; MUNICIPALITY is the default one.
  const [municipality, ...otherMunicipalities] = loadAllMunicipalities(cfg.geoDir, cfg.municipality);
  if (!municipality) throw new StartupError(`no municipality ${cfg.municipality}`);
  checkStaticDir(cfg.staticDir);
  // Before the database is opened: a second copy of the server must not touch the first one's data.
  await checkPortFree(cfg.port, cfg.host);

  const store = await openStore(cfg);
  let app: FastifyInstance | undefined;
  // From here on a SIGTERM (a process manager, Ctrl-C) shuts down cleanly, also during the start.
  handleSignals(() => app, store);
  try {
    const migrations = await store.migrate().catch((err: unknown) => {
      throw new StartupError(`database migration failed: ${firstLine(errorMessage(err))}`, { cause: err });
    });
    // Accounts and records from before municipalities were sealed (migration 010) belong to MUNICIPALITY.
    store.users.useHomeMunicipality(municipality.config.id);
    const adopted = await store.users.adoptUsers();
    if (adopted > 0) console.log(`Accounts: ${adopted} given their roles in ${municipality.config.name}`);
    const areas = await loadAreasIfEmpty({ store, municipality: municipality.config, areasFile: municipality.areasFile });
    const otherAreas = [];
    for (const m of otherMunicipalities) otherAreas.push({ m, result: await loadAreasIfEmpty({ store, municipality: m.config, areasFile: m.areasFile }) });
    const photoStore = openPhotoStore(cfg);
    if (photoStore instanceof FsPhotoStore) {
      const why = await photoStore.whyNotWritable();
      if (why) throw new StartupError(`the photo folder ${cfg.photosDir} is not writable (${why}); make it writable, or set DATA_DIR or PHOTO_STORE`);
    }
    if (photoStore instanceof S3PhotoStore) {
      await photoStore.checkWritable().catch((err: unknown) => {
        throw new StartupError(`photo store ${describePhotoStore(cfg)} cannot be written: ${firstLine(errorMessage(err))}; check PHOTO_STORE and the S3_ settings`, { cause: err });
      });
    }
    app = buildApp({ store, photoStore, metricsToken: cfg.metricsToken, config: cfg, municipality: municipality.config, municipalities: otherMunicipalities.map((m) => m.config), logger: { level: cfg.logLevel }, pdok: pdokServices(cfg.pdok, store) });
    // While draining, every answer closes its connection, so kept-alive clients do not hold the exit up.
    const server = app.server;
    app.addHook('onSend', async (_request, reply, payload) => {
      if (stopping || !server.listening) reply.header('Connection', 'close');
      return payload;
    });
    await app.listen({ port: cfg.port, host: cfg.host });

    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : cfg.port;
    console.log(`Schouwkaart listening on http://localhost:${port}`);
    console.log(`Database: ${store.description}`);
    console.log(migrationsLine(migrations));
    console.log(`Photos: ${describePhotoStore(cfg)}`);
    console.log(
      areas.loaded
        ? `Areas: loaded ${areas.count} for ${municipality.config.name} from ${displayPath(municipality.areasFile)}`
        : `Areas: ${areas.existing} for ${municipality.config.name} (already in the database)`,
    );
    for (const { m, result } of otherAreas) {
      console.log(
        result.loaded
          ? `Areas: loaded ${result.count} for ${m.config.name} from ${displayPath(m.areasFile)}`
          : `Areas: ${result.existing} for ${m.config.name} (already in the database)`,
      );
    }
    // No users yet: the one way to the first coordinator (there are no default passwords).
    const setupLink = await prepareSetupLink(store, { port, dataDir: cfg.dataDir });
    if (setupLink) console.log(`Setup: open ${setupLink} to create the first coordinator (one-time link)`);

    // The mail outbox is sent from here, never from a request (README "Owners and mail").
    const names = new Map([municipality, ...otherMunicipalities].map((m) => [m.config.id, m.config.name]));
    const mail = cfg.mail;
    worker = new MailWorker({
      store,
      transport: mail.smtpUrl && mail.from ? smtpTransport(mail.smtpUrl) : null,
      from: mail.from ?? '',
      baseUrl: mail.publicUrl,
      municipalityName: (id) => names.get(id) ?? id,
      reminderDays: mail.reminderDays,
      digestDay: mail.digestDay,
      log: (line) => console.error(line),
    });
    if (!stopping) worker.start(mail.pollMs);
    console.log(mail.smtpUrl ? `Mail: sending through ${redactSmtp(mail.smtpUrl)} as ${mail.from}` : 'Mail: no SMTP_URL/MAIL_FROM; mails are queued, not sent');
    // Daily, a minute after start: free text and photos past each municipality's retention period go.
    const served = [municipality.config.id, ...otherMunicipalities.map((m) => m.config.id)];
    startRetentionTimer({ store, photos: photoStore, municipalities: served, log: app.log });
  } catch (err) {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}

function checkStaticDir(dir: string): void {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new StartupError(
      `the built app is missing: no index.html in ${displayPath(dir)}; run "npm run build" first, or set STATIC_DIR`,
    );
  }
}

/** Fail fast, and clearly, when the port is taken (the real listen still handles a race). */
function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err) => reject(listenError(err, port, host)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function listenError(err: unknown, port: number, host: string): Error {
  switch (errorCode(err)) {
    case 'EADDRINUSE':
      return new StartupError(`port ${port} is already in use; set PORT to another port`);
    case 'EACCES':
      return new StartupError(`no permission to listen on port ${port}; set PORT to a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError(`cannot listen on HOST ${host}: no such address on this machine; set HOST (default 0.0.0.0)`);
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}

let stopping = false;
let worker: MailWorker | undefined;

function redactSmtp(raw: string): string {
  const url = new URL(raw);
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}

function handleSignals(currentApp: () => FastifyInstance | undefined, store: Store): void {
  let stoppingSince: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // One Ctrl-C can arrive twice (the terminal signals the process group, and tsx relays it too); only
      // a second one a moment later means "now".
      if (Date.now() - stoppingSince < 1500) return;
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    stopping = true;
    console.log(`${signal}: shutting down`);
    // Connections that do not close within ten seconds are not waited for.
    setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000).unref();
    void (async () => {
      let code = 0;
      // The mail worker first: it finishes the mail in hand and hands the sender lease on.
      await worker?.stop().catch(() => undefined);
      try {
        await currentApp()?.close();
      } catch (err) {
        console.error(`Error while closing the HTTP server: ${firstLine(errorMessage(err))}`);
        code = 1;
      }
      try {
        await store.close();
      } catch (err) {
        console.error(`Error while closing the database: ${firstLine(errorMessage(err))}`);
        code = 1;
      }
      if (code === 0) console.log('Schouwkaart stopped');
      process.exit(code);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** The lines to print for a failed start: the message, never a stack (unless LOG_LEVEL asks for it). */
export function startupErrorLines(err: unknown, cfg?: Pick<ServerConfig, 'port' | 'host'>): string[] {
  let e = err;
  if (cfg && ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(errorCode(err) ?? '')) e = listenError(err, cfg.port, cfg.host);
  if (e instanceof StartupError) return e.message.split('\n').map((l) => `Error: ${l}`);
  return [`Error: ${firstLine(errorMessage(e))} (set LOG_LEVEL=debug for details)`];
}

main().catch((err: unknown) => {
  // A start cut short by a signal: the signal handler reports and exits.
  if (stopping) return;
  for (const line of startupErrorLines(err, config)) console.error(line);
  if (config && (config.logLevel === 'debug' || config.logLevel === 'trace')) console.error(err);
  process.exit(1);
});
