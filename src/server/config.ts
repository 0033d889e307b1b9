import path from 'node:path';
import { StartupError } from './errors';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute. PGlite lives in `<dataDir>/pglite`, photos (later) in `<dataDir>/photos`. */
  dataDir: string;
  pgliteDir: string;
  photosDir: string;
  /** PostgreSQL connection string; when set, it is used instead of PGlite. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_POOL_MAX connections per process (default 10); a request waits at most
   * DATABASE_POOL_WAIT_MS (default 10 s) for one, then is answered "try again" (README "Capacity").
   */
  databasePool: { max: number; waitMs: number };
  /** Id of the municipality; `<geoDir>/<id>.municipality.json` describes it. */
  municipality: string;
  geoDir: string;
  staticDir: string;
  tiles: { brt: string; brtGrey: string; luchtfoto: string };
  logLevel: LogLevel;
  /** TRUST_PROXY=n: believe the last n hops of X-Forwarded-For and -Proto (0: none). */
  trustProxy: number;
  mail: MailConfig;
  /** PHOTO_STORE: the folder `photosDir` (default) or an S3-compatible bucket. */
  photoStore: PhotoStoreConfig;
  /** METRICS_TOKEN: /metrics answers only a request with `Authorization: Bearer <token>`; unset, no /metrics. */
  metricsToken: string | undefined;
  /** The open-data services (issue 14): PDOK Locatieserver and the BAG OGC API. */
  pdok: PdokConfig;
}

/** README "Configuration": PDOK_LOCATIESERVER_URL, PDOK_BAG_OGC_URL, PDOK_RATE_PER_SECOND, PDOK_TIMEOUT_MS. */
export interface PdokConfig {
  locatieserverUrl: string;
  bagUrl: string;
  ratePerSecond: number;
  timeoutMs: number;
}

/** README "Mail". Without SMTP_URL and MAIL_FROM mails are queued and shown, never sent. */
export interface MailConfig {
  smtpUrl: string | undefined;
  from: string | undefined;
  /** Reminder this many days before the due date. */
  reminderDays: number;
  /** Weekday of the weekly digest, 1 Monday … 7 Sunday. */
  digestDay: number;
  /** Public address of the app for the links in mails; default http://localhost:PORT. */
  publicUrl: string;
  pollMs: number;
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const weekdaysNl = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

export type PhotoStoreConfig =
  | { kind: 'fs' }
  | {
      kind: 's3';
      bucket: string;
      endpoint?: string;
      region?: string;
      prefix?: string;
      forcePathStyle?: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const defaultTileUrls = {
  brt: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  brtGrey: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png',
  luchtfoto: 'https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg',
} as const;

type Env = Record<string, string | undefined>;

/** Read the server configuration from the environment. Throws a `StartupError` with one line per bad value. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const port = parsePort(value('PORT'), problems);

  const host = value('HOST') ?? '0.0.0.0';
  if (/\s|\//.test(host)) problems.push(`HOST must be a host name or IP address, got "${host}"`);

  const dataDir = path.resolve(cwd, value('DATA_DIR') ?? './data');

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined) {
    const problem = checkDatabaseUrl(databaseUrl);
    if (problem) problems.push(problem);
  }

  const databasePool = {
    max: wholeNumber('DATABASE_POOL_MAX', value('DATABASE_POOL_MAX'), 10, 1, 500, problems),
    waitMs: wholeNumber('DATABASE_POOL_WAIT_MS', value('DATABASE_POOL_WAIT_MS'), 10_000, 100, 600_000, problems),
  };

  const municipality = value('MUNICIPALITY') ?? 'deventer';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(municipality)) {
    problems.push(`MUNICIPALITY must be a lower-case id such as "deventer", got "${municipality}"`);
  }

  const tiles = {
    brt: tileUrl('TILE_URL_BRT', value('TILE_URL_BRT') ?? defaultTileUrls.brt, problems),
    brtGrey: tileUrl('TILE_URL_BRT_GREY', value('TILE_URL_BRT_GREY') ?? defaultTileUrls.brtGrey, problems),
    luchtfoto: tileUrl('TILE_URL_LUCHTFOTO', value('TILE_URL_LUCHTFOTO') ?? defaultTileUrls.luchtfoto, problems),
  };

  const logLevelRaw = value('LOG_LEVEL') ?? 'warn';
  if (!(logLevels as readonly string[]).includes(logLevelRaw)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevelRaw}"`);
  }

  const trustProxyRaw = value('TRUST_PROXY') ?? '0';
  if (!/^\d$/.test(trustProxyRaw)) problems.push(`TRUST_PROXY must be the number of proxies in front of the server (0 to 9), got "${trustProxyRaw}"`);

  const mail = mailConfig(value, port, problems);
  const photoStore = photoStoreConfig(value, problems);
  const metricsTokenValue = metricsToken(value('METRICS_TOKEN'), problems);
  const pdok = pdokConfig(value, problems);

  if (problems.length > 0) throw new StartupError(problems.join('\n'));

  return {
    port,
    host,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    photosDir: path.join(dataDir, 'photos'),
    databaseUrl,
    databasePool,
    municipality,
    geoDir: path.resolve(cwd, value('GEO_DIR') ?? './geo'),
    staticDir: path.resolve(cwd, value('STATIC_DIR') ?? './dist'),
    tiles,
    logLevel: logLevelRaw as LogLevel,
    trustProxy: /^\d$/.test(trustProxyRaw) ? Number(trustProxyRaw) : 0,
    mail,
    photoStore,
    metricsToken: metricsTokenValue,
    pdok,
  };
}

function pdokConfig(value: (name: string) => string | undefined, problems: string[]): PdokConfig {
  const url = (name: string, fallback: string) => {
    const raw = (value(name) ?? fallback).replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s]+$/.test(raw)) problems.push(`${name} must be an http(s) URL, got "${raw}"`);
    return raw;
  };
  const rate = value('PDOK_RATE_PER_SECOND') ?? '10';
  if (!/^\d+(\.\d+)?$/.test(rate) || Number(rate) <= 0 || Number(rate) > 100) problems.push(`PDOK_RATE_PER_SECOND must be a number of requests a second from 0.1 to 100, got "${rate}"`);
  const timeout = value('PDOK_TIMEOUT_MS') ?? '10000';
  if (!/^\d+$/.test(timeout) || Number(timeout) < 100 || Number(timeout) > 120_000) problems.push(`PDOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "${timeout}"`);
  return {
    locatieserverUrl: url('PDOK_LOCATIESERVER_URL', 'https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
    bagUrl: url('PDOK_BAG_OGC_URL', 'https://api.pdok.nl/kadaster/bag/ogc/v2'),
    ratePerSecond: Number(rate) > 0 ? Math.min(100, Number(rate)) : 10,
    timeoutMs: Number(timeout) >= 100 ? Math.min(120_000, Number(timeout)) : 10_000,
  };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= min && n <= max) return n;
  problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return fallback;
}

function metricsToken(raw: string | undefined, problems: string[]): string | undefined {
  if (raw !== undefined && raw.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters (it guards /metrics)');
  return raw;
}

function photoStoreConfig(value: (name: string) => string | undefined, problems: string[]): PhotoStoreConfig {
  const kind = value('PHOTO_STORE') ?? 'fs';
  if (kind === 'fs') return { kind: 'fs' };
  if (kind !== 's3') {
    problems.push(`PHOTO_STORE must be fs or s3, got "${kind}"`);
    return { kind: 'fs' };
  }
  const bucket = value('S3_BUCKET');
  if (!bucket) problems.push('PHOTO_STORE=s3 needs S3_BUCKET (the bucket name)');
  const endpoint = value('S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(endpoint)) problems.push(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  const pathStyle = value('S3_FORCE_PATH_STYLE');
  if (pathStyle !== undefined && !['0', '1'].includes(pathStyle)) problems.push(`S3_FORCE_PATH_STYLE must be 0 or 1, got "${pathStyle}"`);
  return {
    kind: 's3',
    bucket: bucket ?? '',
    ...(endpoint ? { endpoint } : {}),
    ...(value('S3_REGION') ? { region: value('S3_REGION') } : {}),
    ...(value('S3_PREFIX') ? { prefix: value('S3_PREFIX') } : {}),
    ...(pathStyle !== undefined ? { forcePathStyle: pathStyle === '1' } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  };
}

function mailConfig(value: (name: string) => string | undefined, port: number, problems: string[]): MailConfig {
  const smtpUrl = value('SMTP_URL');
  if (smtpUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {
      problems.push('SMTP_URL must be a URL like smtp://user:password@host:587 or smtps://host:465');
    }
    if (url && url.protocol !== 'smtp:' && url.protocol !== 'smtps:') problems.push(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  const from = value('MAIL_FROM');
  if (from !== undefined && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(from.replace(/^.*<(.*)>$/, '$1'))) {
    problems.push(`MAIL_FROM must be an e-mail address such as schouw@deventer.nl or "Schouwkaart <schouw@deventer.nl>", got "${from}"`);
  }
  if ((smtpUrl === undefined) !== (from === undefined)) problems.push('SMTP_URL and MAIL_FROM go together: set both to send mail, or neither to only queue it');

  const days = value('MAIL_REMINDER_DAYS') ?? '3';
  if (!/^\d+$/.test(days) || Number(days) > 60) problems.push(`MAIL_REMINDER_DAYS must be a whole number of days from 0 to 60, got "${days}"`);

  const dayRaw = (value('MAIL_DIGEST_DAY') ?? 'monday').toLowerCase();
  let digestDay = /^[1-7]$/.test(dayRaw) ? Number(dayRaw) : weekdays.indexOf(dayRaw) + 1 || weekdaysNl.indexOf(dayRaw) + 1;
  if (digestDay === 0) {
    problems.push(`MAIL_DIGEST_DAY must be a weekday (monday … sunday, or 1-7 with 1 = Monday), got "${dayRaw}"`);
    digestDay = 1;
  }

  const publicUrl = (value('PUBLIC_URL') ?? `http://localhost:${port || 8080}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    problems.push(`PUBLIC_URL must be the app's address such as https://schouw.deventer.nl, got "${publicUrl}"`);
  }

  const poll = value('MAIL_POLL_SECONDS') ?? '15';
  if (!/^\d+(\.\d+)?$/.test(poll) || Number(poll) <= 0 || Number(poll) > 3600) problems.push(`MAIL_POLL_SECONDS must be a number of seconds from 0.1 to 3600, got "${poll}"`);

  return { smtpUrl, from, reminderDays: Number(days) || 0, digestDay, publicUrl, pollMs: Math.max(100, Number(poll) * 1000 || 15_000) };
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 8080;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
    return 0;
  }
  return Number(raw);
}

function checkDatabaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'DATABASE_URL must be a URL like postgres://user:password@host:5432/database';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return `DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`;
  }
  return undefined;
}

function tileUrl(name: string, raw: string, problems: string[]): string {
  let url: URL;
  try {
    // The template braces are not valid in every URL position; fill them in to check the rest.
    url = new URL(raw.replace(/\{[xyzs]\}/g, '0'));
  } catch {
    problems.push(`${name} must be an http(s) URL template with {z}, {x} and {y}, got "${raw}"`);
    return raw;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${name} must be an http(s) URL, got "${raw}"`);
  } else if (!['{z}', '{x}', '{y}'].every((p) => raw.includes(p))) {
    problems.push(`${name} must contain {z}, {x} and {y}, got "${raw}"`);
  }
  return raw;
}

/** The database, described for a log line, without credentials. */
export function describeDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): string {
  if (config.databaseUrl === undefined) return `PGlite in ${config.pgliteDir}`;
  return `PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)}`;
}

/** host:port/database of a connection string, never its user name or password. */
export function redactDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const db = url.pathname.replace(/^\//, '');
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${db ? `/${db}` : ''}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
