import type { Area } from '../../domain/area';
import type { Shop } from '../../domain/shop';
import type { RetentionStore } from './RetentionStore';
import type { SyncStore } from './SyncStore';
import type { AreaVersionStore } from './AreaVersionStore';
import type { UserStore } from './UserStore';
import type { OwnerStore } from './OwnerStore';
import type { MailStore } from './MailStore';
import type { LoginLimitStore } from './LoginLimitStore';
import type { RateLimitStore } from './RateLimitStore';
import type { MigrationOutcome } from './migrate';
import type { SqlSurveyMailStore } from './SqlSurveyMailStore';
import type { SurveyStore } from './SurveyStore';
import type { PdokStore } from './PdokStore';
import type { WorryStore } from './WorryStore';
import type { PublicPageStore } from './PublicPageStore';

/**
 * Everything the server keeps, behind one interface with one implementation (`SqlStore`) over two SQL
 * executors (PGlite, PostgreSQL). It grows by one method group per record (findings, mutations, users),
 * each backed by a numbered migration and covered by the shared contract suite.
 */
export type ParticipationShopRow = Pick<Shop, 'id' | 'point' | 'open' | 'flags' | 'surveyYears' | 'surveyAnsweredYears'>;

export interface Store {
  /** `pglite` or `postgres`. */
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for a log line; never contains a password. */
  readonly description: string;

  /** Apply pending migrations; safe to call again. Says how many there are and which ran now. */
  migrate(): Promise<MigrationOutcome>;
  /** Whether the database answers. Never throws. */
  health(): Promise<{ ok: boolean }>;

  countAreas(municipality: string): Promise<number>;
  /** The municipality's current areas, ordered by id. */
  listAreas(municipality: string): Promise<Area[]>;
  /**
   * Make `areas` the municipality's areas, in one transaction: all are written or none. Areas that are
   * unchanged keep their revision; areas not in the list are removed (kept as tombstones for sync).
   * Every area's `municipality` must equal `municipality`; ids must be unique.
   */
  replaceAreas(municipality: string, areas: readonly Area[]): Promise<void>;

  /** Accounts, sessions, invites and settings (UserStore.ts), on the same database. */
  readonly users: UserStore;
  /** Failed-login counters shared by every server process (LoginLimitStore.ts). */
  readonly loginLimits: LoginLimitStore;
  /** Requests per address and link of the public survey and worry routes, shared by every process (RateLimitStore.ts). */
  readonly rateLimits: RateLimitStore;
  /**
   * Synced findings that are not removed, counted per area and theme, for the partners' summary (numbers
   * only, never points or text). A finding in no area is left out; an unknown category counts as theme "other".
   */
  countFindingsByAreaAndTheme(municipality: string): Promise<{ areaId: string; theme: string; count: number }[]>;
  /** The synced shops with only what participation needs (place, open, flags): never names or addresses. */
  listShopsForParticipation(municipality: string): Promise<ParticipationShopRow[]>;
  /** Grades of the frozen per-area certification records of `year` (numbers only). */
  listAreaGrades(municipality: string, year: number): Promise<{ areaId: string; grade: number }[]>;

  /** Area history and editing (AreaVersionStore.ts), on the same database. */
  readonly areaVersions: AreaVersionStore;

  /** Sync: records, history events, decided mutations and photo metadata (SyncStore.ts). */
  readonly sync: SyncStore;

  /** Owner organisations and the accounts linked to them (OwnerStore.ts). */
  readonly owners: OwnerStore;
  /** The mail outbox and the worker lease (MailStore.ts). */
  readonly mail: MailStore;
  /** Retention policies and the anonymising job (RetentionStore.ts, migration 011). */
  readonly retention: RetentionStore;
  /** The shop survey: setups, one-time links, answers (SurveyStore.ts, migration 070). */
  readonly survey: SurveyStore;
  /** Survey links by e-mail: the shops' business addresses and their survey mails (migration 092). */
  readonly surveyMail: SqlSurveyMailStore;
  /** The geocoder's cache, BAG premises and decisions on them (PdokStore.ts, migrations 060-061). */
  readonly pdok: PdokStore;
  /** Worries before the walk: public links, submissions, moderation (WorryStore.ts, migration 075). */
  readonly worries: WorryStore;
  /** The public pages per area and municipality: counts and grades only (PublicPageStore.ts, R49). */
  readonly publicPages: PublicPageStore;

  close(): Promise<void>;
}
