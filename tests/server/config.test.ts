import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTileUrls, describeDatabase, loadConfig } from '../../src/server/config';

describe('server configuration from the environment', () => {
  it('has defaults for everything', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      pgliteDir: '/srv/app/data/pglite',
      photosDir: '/srv/app/data/photos',
      databaseUrl: undefined,
      databasePool: { max: 10, waitMs: 10_000 },
      municipality: 'deventer',
      geoDir: '/srv/app/geo',
      staticDir: '/srv/app/dist',
      tiles: defaultTileUrls,
      logLevel: 'warn',
      trustProxy: 0,
      mail: { smtpUrl: undefined, from: undefined, reminderDays: 3, digestDay: 1, publicUrl: 'http://localhost:8080', pollMs: 15_000 },
      photoStore: { kind: 'fs' },
      metricsToken: undefined,
      pdok: { locatieserverUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1', bagUrl: 'https://api.pdok.nl/kadaster/bag/ogc/v2', ratePerSecond: 10, timeoutMs: 10_000 },
    });
    expect(defaultTileUrls.brtGrey).toBe('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png');
    expect(describeDatabase(c)).toBe(`PGlite in ${path.join('/srv/app/data', 'pglite')}`);
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/schouwkaart',
        DATABASE_URL: 'postgresql://app:geheim@db.example:6543/schouw?sslmode=require',
        MUNICIPALITY: 'olst-wijhe',
        GEO_DIR: 'conf/geo',
        STATIC_DIR: '/srv/www',
        TILE_URL_BRT: 'http://127.0.0.1:9/brt/{z}/{x}/{y}.png',
        TILE_URL_BRT_GREY: 'https://t.example/g/{z}/{x}/{y}.png',
        TILE_URL_LUCHTFOTO: 'https://t.example/f/{z}/{x}/{y}.jpeg',
        LOG_LEVEL: 'info',
      },
      '/srv/app',
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/schouwkaart',
      pgliteDir: '/var/lib/schouwkaart/pglite',
      municipality: 'olst-wijhe',
      geoDir: '/srv/app/conf/geo',
      staticDir: '/srv/www',
      tiles: { brt: 'http://127.0.0.1:9/brt/{z}/{x}/{y}.png' },
      logLevel: 'info',
    });
    // Never the user name or password in a log line.
    expect(describeDatabase(c)).toBe('PostgreSQL at db.example:6543/schouw');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }, '/x')).toMatchObject({ port: 8080, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: '80a' }, 'PORT must be a whole number from 0 to 65535, got "80a"'],
    [{ PORT: '65536' }, 'PORT must be a whole number'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL like postgres://'],
    [{ MUNICIPALITY: '../etc' }, 'MUNICIPALITY must be a lower-case id'],
    [{ TILE_URL_BRT: 'https://t.example/{z}/{x}.png' }, 'TILE_URL_BRT must contain {z}, {x} and {y}'],
    [{ TILE_URL_LUCHTFOTO: 'ftp://t.example/{z}/{x}/{y}.png' }, 'TILE_URL_LUCHTFOTO must be an http(s) URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
  ])('refuses %j in one clear line', (env, message) => {
    expect(() => loadConfig(env, '/x')).toThrow(message);
    try {
      loadConfig(env, '/x');
    } catch (e) {
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('lists several bad values one line each', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' }, '/x')).toThrow(/^PORT .*\nLOG_LEVEL .*$/);
  });

  it('reads the mail settings, and names each bad one', () => {
    const c = loadConfig(
      { SMTP_URL: 'smtp://u:p@mail.example:2525', MAIL_FROM: 'Schouwkaart <schouw@deventer.nl>', MAIL_REMINDER_DAYS: '5', MAIL_DIGEST_DAY: 'vrijdag', PUBLIC_URL: 'https://schouw.example/', MAIL_POLL_SECONDS: '2' },
      '/srv/app',
    );
    expect(c.mail).toEqual({ smtpUrl: 'smtp://u:p@mail.example:2525', from: 'Schouwkaart <schouw@deventer.nl>', reminderDays: 5, digestDay: 5, publicUrl: 'https://schouw.example', pollMs: 2000 });
    expect(loadConfig({ MAIL_DIGEST_DAY: '7' }, '/srv/app').mail.digestDay).toBe(7);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'nope', MAIL_REMINDER_DAYS: 'drie', MAIL_DIGEST_DAY: 'someday' }, '/srv/app')).toThrow(
      /SMTP_URL must start with smtp:\/\/[\s\S]*MAIL_FROM must be an e-mail address[\s\S]*MAIL_REMINDER_DAYS must be a whole number[\s\S]*MAIL_DIGEST_DAY must be a weekday/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' }, '/srv/app')).toThrow(/SMTP_URL and MAIL_FROM go together/);
  });

  it('reads the database pool size and wait bound, and names a bad one (issue 15)', () => {
    expect(loadConfig({ DATABASE_POOL_MAX: '40', DATABASE_POOL_WAIT_MS: '30000' }, '/srv/app').databasePool).toEqual({ max: 40, waitMs: 30_000 });
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' }, '/srv/app')).toThrow('DATABASE_POOL_MAX must be a whole number from 1 to 500, got "0"');
    expect(() => loadConfig({ DATABASE_POOL_WAIT_MS: 'soon' }, '/srv/app')).toThrow('DATABASE_POOL_WAIT_MS must be a whole number from 100 to 600000, got "soon"');
  });

  it('reads the PDOK endpoints and limits, and names a bad one (issue 14)', () => {
    const c = loadConfig({ PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9/ls/', PDOK_BAG_OGC_URL: 'http://127.0.0.1:9/bag', PDOK_RATE_PER_SECOND: '2.5', PDOK_TIMEOUT_MS: '2000' }, '/srv/app');
    expect(c.pdok).toEqual({ locatieserverUrl: 'http://127.0.0.1:9/ls', bagUrl: 'http://127.0.0.1:9/bag', ratePerSecond: 2.5, timeoutMs: 2000 });
    for (const name of ['PDOK_BAG_OGC_URL', 'PDOK_RATE_PER_SECOND', 'PDOK_TIMEOUT_MS']) {
      expect(() => loadConfig({ PDOK_BAG_OGC_URL: 'ftp://x', PDOK_RATE_PER_SECOND: '0', PDOK_TIMEOUT_MS: 'soon' }, '/srv/app')).toThrow(new RegExp(`${name} must`));
    }
  });
});
