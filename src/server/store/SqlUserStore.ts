import type { OpenInvite, PublicUser, ServerSettings } from '../../domain/account';
import type { Person } from '../../domain/people';
import type { Role } from '../../domain/findingStatus';
import type { SqlExecutor, SqlQueryable } from './executor';
import { UserStoreError, type NewUser, type StoredUser, type UserStore } from './UserStore';

interface UserRow {
  [key: string]: unknown;
  id: string;
  display_name: string;
  login: string;
  password_hash: string;
  roles: string[];
  disabled: boolean;
  created_at: Date | string;
  organisation: string | null;
  memberships: unknown;
  removed_at: Date | string | null;
}

// Serialises the two checks that count users across rows ("no user yet", "one coordinator left"), so
// two concurrent requests cannot both pass them. Any constant that differs from the migration lock.
const ACCOUNTS_LOCK_KEY = 727_002;
// Roles per municipality as one jsonb object; a user from before migration 010 without rows reads as a
// member of the home municipality ($home is always parameter 1 of a query that selects users).
const MEMBERSHIPS = `COALESCE(
  (SELECT jsonb_object_agg(m.municipality, to_jsonb(m.roles)) FROM user_municipality_roles m WHERE m.user_id = u.id),
  CASE WHEN $1::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object($1::text, to_jsonb(u.roles)) END)`;
const USER_COLUMNS = `u.id, u.display_name, u.login, u.password_hash, u.roles, u.disabled, u.created_at, u.organisation, u.removed_at, ${MEMBERSHIPS} AS memberships`;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const defaultSettings: ServerSettings = { partnersPublic: false };

/** `UserStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlUserStore implements UserStore {
  private home: string | null = null;

  constructor(private readonly db: SqlExecutor) {}

  useHomeMunicipality(municipality: string): void {
    this.home = municipality;
  }

  async adoptUsers(): Promise<number> {
    if (this.home === null) return 0;
    const rows = await this.db.query(
      `INSERT INTO user_municipality_roles (user_id, municipality, roles)
       SELECT u.id, $1, u.roles FROM users u
        WHERE NOT EXISTS (SELECT 1 FROM user_municipality_roles m WHERE m.user_id = u.id)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [this.home],
    );
    // Records written before migration 010 without a municipality in their data belong to the home one.
    await this.db.query('UPDATE sync_records SET municipality = $1 WHERE municipality IS NULL', [this.home]);
    await this.db.query(
      `UPDATE sync_events e SET municipality = r.municipality FROM sync_records r
        WHERE e.municipality IS NULL AND r.kind = e.kind AND r.id = e.record_id`,
    );
    return rows.length;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row?.n ?? 0;
  }

  async getUser(id: string): Promise<StoredUser | undefined> {
    return selectUser(this.db, this.home, 'u.id = $2', id);
  }

  async getUserByLogin(login: string): Promise<StoredUser | undefined> {
    return selectUser(this.db, this.home, 'u.login = $2', login.toLowerCase());
  }

  async listUsers(municipalities?: readonly string[]): Promise<PublicUser[]> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.display_name, u.id`, [this.home]);
    const users = rows.map((r) => withoutSecret(rowToUser(r)));
    if (!municipalities) return users;
    return users.filter((u) => Object.keys(u.municipalities).some((m) => municipalities.includes(m)));
  }

  async listPeople(municipalities?: readonly string[]): Promise<Required<Person>[]> {
    const all = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.display_name, u.id`, [this.home]);
    // R30: only people who share a municipality with the asker (removed ones keep theirs, so their
    // "voormalig deelnemer" stays in the histories).
    const rows = municipalities ? all.filter((r) => Object.keys(json<Record<string, unknown>>(r.memberships)).some((m) => municipalities.includes(m))) : all;
    return rows.map((r) => ({ id: r.id, name: r.display_name, organisation: r.organisation, roles: r.roles as Role[], active: !r.disabled, login: r.login }));
  }

  async addSetupToken(tokenHash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockAccounts(tx);
      if ((await countIn(tx)) > 0) throw new UserStoreError('setup_done');
      await tx.query('INSERT INTO setup_tokens (token_hash) VALUES ($1) ON CONFLICT DO NOTHING', [tokenHash]);
    });
  }

  async completeSetup(tokenHash: string, user: NewUser): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockAccounts(tx);
      if ((await countIn(tx)) > 0) throw new UserStoreError('setup_done');
      const [token] = await tx.query('SELECT 1 FROM setup_tokens WHERE token_hash = $1', [tokenHash]);
      if (!token) throw new UserStoreError('invalid_token');
      await insertUser(tx, user, user.municipality ?? this.home);
      await tx.query('DELETE FROM setup_tokens');
    });
  }

  async createInvite(invite: { tokenHash: string; roles: Role[]; createdBy: string | null; expiresAt: Date; municipality?: string }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO invites (id, token_hash, roles, created_by, expires_at, municipality)
       VALUES (gen_random_uuid()::text, $1, ARRAY(SELECT jsonb_array_elements_text($2::jsonb)), $3, $4::timestamptz, $5)
       RETURNING id`,
      [invite.tokenHash, JSON.stringify(invite.roles), invite.createdBy, invite.expiresAt.toISOString(), invite.municipality ?? this.home],
    );
    return row!.id;
  }

  async listOpenInvites(now: Date = new Date()): Promise<OpenInvite[]> {
    const rows = await this.db.query<{ id: string; roles: string[]; created_by: string | null; created_at: Date | string; expires_at: Date | string; municipality: string | null }>(
      `SELECT id, roles, created_by, created_at, expires_at, municipality FROM invites
        WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1::timestamptz
        ORDER BY created_at DESC, id`,
      [now.toISOString()],
    );
    return rows.map((r) => ({
      id: r.id,
      roles: r.roles as Role[],
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      municipality: r.municipality,
    }));
  }

  async revokeInvite(id: string, now: Date = new Date()): Promise<void> {
    const rows = await this.db.query(
      `UPDATE invites SET revoked_at = $2::timestamptz
        WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2::timestamptz
        RETURNING 1`,
      [id, now.toISOString()],
    );
    if (rows.length === 0) throw new UserStoreError('not_found');
  }

  async createPasswordReset(reset: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [user] = await tx.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [reset.userId]);
      if (!user) throw new UserStoreError('not_found');
      // One live link per person: a second one (the first was lost) makes the first useless.
      await tx.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [reset.userId]);
      await tx.query(
        'INSERT INTO password_resets (token_hash, user_id, created_by, expires_at) VALUES ($1, $2, $3, $4::timestamptz)',
        [reset.tokenHash, reset.userId, reset.createdBy, reset.expiresAt.toISOString()],
      );
    });
  }

  async resetPassword(tokenHash: string, passwordHash: string, now: Date = new Date()): Promise<StoredUser> {
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: the same link opened twice at once is used once.
      const [reset] = await tx.query<{ user_id: string }>(
        `SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2::timestamptz AND NOT u.disabled
          FOR UPDATE OF r`,
        [tokenHash, now.toISOString()],
      );
      if (!reset) throw new UserStoreError('invalid_token');
      await tx.query('UPDATE password_resets SET used_at = $2::timestamptz WHERE token_hash = $1', [tokenHash, now.toISOString()]);
      await tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [reset.user_id, passwordHash]);
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [reset.user_id]);
      return (await selectUser(tx, this.home, 'u.id = $2', reset.user_id))!;
    });
  }

  async changePassword(userId: string, passwordHash: string, keepSession: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING 1', [userId, passwordHash]);
      if (rows.length === 0) throw new UserStoreError('not_found');
      await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, keepSession]);
    });
  }

  async acceptInvite(tokenHash: string, user: Omit<NewUser, 'roles'>): Promise<StoredUser> {
    return this.db.transaction(async (tx) => {
      // FOR UPDATE: two people opening the same link at once cannot both use it.
      const [invite] = await tx.query<{ roles: string[]; municipality: string | null }>(
        `SELECT roles, municipality FROM invites
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          FOR UPDATE`,
        [tokenHash],
      );
      if (!invite) throw new UserStoreError('invalid_token');
      const roles = invite.roles as Role[];
      await insertUser(tx, { ...user, roles }, invite.municipality ?? this.home);
      await tx.query('UPDATE invites SET used_at = now(), used_by = $2 WHERE token_hash = $1', [tokenHash, user.id]);
      return (await selectUser(tx, this.home, 'u.id = $2', user.id))!;
    });
  }

  async updateUser(id: string, patch: { roles?: Role[]; disabled?: boolean; organisation?: string | null; municipality?: string }): Promise<PublicUser> {
    return this.db.transaction(async (tx) => {
      await lockAccounts(tx);
      const before = await selectUser(tx, this.home, 'u.id = $2 AND u.removed_at IS NULL', id);
      if (!before) throw new UserStoreError('not_found');
      const municipality = patch.municipality ?? this.home;
      if (patch.roles && municipality !== null) {
        // Materialise the home membership of a not yet adopted user first, so its other roles stay.
        for (const [m, roles] of Object.entries(before.municipalities)) {
          await tx.query(
            `INSERT INTO user_municipality_roles (user_id, municipality, roles)
             VALUES ($1, $2, ARRAY(SELECT jsonb_array_elements_text($3::jsonb))) ON CONFLICT DO NOTHING`,
            [id, m, JSON.stringify(roles)],
          );
        }
        await tx.query(
          `INSERT INTO user_municipality_roles (user_id, municipality, roles)
           VALUES ($1, $2, ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))
           ON CONFLICT (user_id, municipality) DO UPDATE SET roles = excluded.roles`,
          [id, municipality, JSON.stringify(patch.roles)],
        );
        await unionRoles(tx, id);
      } else if (patch.roles) {
        await tx.query('UPDATE users SET roles = ARRAY(SELECT jsonb_array_elements_text($2::jsonb)) WHERE id = $1', [id, JSON.stringify(patch.roles)]);
      }
      if (patch.disabled !== undefined) await tx.query('UPDATE users SET disabled = $2, updated_at = now() WHERE id = $1', [id, patch.disabled]);
      if (patch.organisation !== undefined) await tx.query('UPDATE users SET organisation = $2, updated_at = now() WHERE id = $1', [id, patch.organisation]);
      await checkCoordinatorsLeft(tx, [...Object.keys(before.municipalities), ...(municipality ? [municipality] : [])]);
      const after = (await selectUser(tx, this.home, 'u.id = $2', id))!;
      if (after.disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      return withoutSecret(after);
    });
  }

  async removeUser(id: string, formerName: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await lockAccounts(tx);
      const before = await selectUser(tx, this.home, 'u.id = $2 AND u.removed_at IS NULL', id);
      if (!before) throw new UserStoreError('not_found');
      // The row stays (ids in history and records point at it); what names or identifies the person goes.
      // The login becomes one nobody can type (logins have no spaces), so the real one is free again.
      await tx.query(
        `UPDATE users SET display_name = $2, login = $3, password_hash = '!', disabled = true, removed_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, formerName, `removed ${id}`],
      );
      // Memberships stay: the people directory of their municipality keeps naming them "voormalig deelnemer"
      // in the history of the findings they worked on. Disabled, they open nothing.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      await checkCoordinatorsLeft(tx, Object.keys(before.municipalities));
    });
  }

  async createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3::timestamptz)', [
      session.tokenHash,
      session.userId,
      session.expiresAt.toISOString(),
    ]);
  }

  async findSession(tokenHash: string, now: Date = new Date()): Promise<{ user: StoredUser; expiresAt: Date } | undefined> {
    const [row] = await this.db.query<UserRow & { expires_at: Date | string }>(
      `SELECT ${USER_COLUMNS}, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $2 AND s.expires_at > $3::timestamptz AND NOT u.disabled`,
      [this.home, tokenHash, now.toISOString()],
    );
    return row && { user: rowToUser(row), expiresAt: new Date(row.expires_at) };
  }

  async extendSession(tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query('UPDATE sessions SET expires_at = $2::timestamptz WHERE token_hash = $1', [tokenHash, expiresAt.toISOString()]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: Date = new Date()): Promise<number> {
    const rows = await this.db.query('DELETE FROM sessions WHERE expires_at <= $1::timestamptz RETURNING 1', [now.toISOString()]);
    return rows.length;
  }

  async getSettings(): Promise<ServerSettings> {
    const rows = await this.db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings');
    const settings = { ...defaultSettings };
    for (const { key, value } of rows) {
      const v = typeof value === 'string' ? JSON.parse(value) : value;
      if (key === 'partnersPublic' && typeof v === 'boolean') settings.partnersPublic = v;
    }
    return settings;
  }

  async updateSettings(patch: Partial<ServerSettings>): Promise<ServerSettings> {
    await this.db.transaction(async (tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
          [key, JSON.stringify(value)],
        );
      }
    });
    return this.getSettings();
  }
}

async function lockAccounts(tx: SqlQueryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK_KEY]);
}

async function countIn(tx: SqlQueryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

async function selectUser(q: SqlQueryable, home: string | null, where: string, value: string): Promise<StoredUser | undefined> {
  const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE ${where}`, [home, value]);
  return row && rowToUser(row);
}

/** `users.roles` is the union of a person's roles over their municipalities (migration 010). */
async function unionRoles(tx: SqlQueryable, id: string): Promise<void> {
  await tx.query(
    `UPDATE users SET roles = ARRAY(
        SELECT x.r FROM user_municipality_roles m, unnest(m.roles) WITH ORDINALITY AS x(r, i)
         WHERE m.user_id = $1 GROUP BY x.r ORDER BY min(x.i), x.r), updated_at = now()
      WHERE id = $1 AND EXISTS (SELECT 1 FROM user_municipality_roles m WHERE m.user_id = $1)`,
    [id],
  );
}

/**
 * Throwing rolls the change back: nobody could manage that municipality's accounts any more. A
 * municipality with no coordinator before (possible after adoption) is not held to it.
 */
async function checkCoordinatorsLeft(tx: SqlQueryable, municipalities: readonly string[]): Promise<void> {
  const [all] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE 'coordinator' = ANY(roles) AND NOT disabled`);
  if ((all?.n ?? 0) === 0) throw new UserStoreError('last_coordinator');
  for (const m of new Set(municipalities)) {
    const [row] = await tx.query<{ n: number; members: number }>(
      `SELECT count(*) FILTER (WHERE 'coordinator' = ANY(m.roles) AND NOT u.disabled)::int AS n, count(*)::int AS members
         FROM user_municipality_roles m JOIN users u ON u.id = m.user_id WHERE m.municipality = $1`,
      [m],
    );
    if (row && row.members > 0 && row.n === 0) throw new UserStoreError('last_coordinator');
  }
}

async function insertUser(tx: SqlQueryable, user: NewUser, municipality: string | null): Promise<void> {
  const rows = await tx.query(
    `INSERT INTO users (id, display_name, login, password_hash, roles)
     VALUES ($1, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text($5::jsonb)))
     ON CONFLICT (login) DO NOTHING
     RETURNING 1`,
    [user.id, user.name, user.login.toLowerCase(), user.passwordHash, JSON.stringify(user.roles)],
  );
  if (rows.length === 0) throw new UserStoreError('login_taken');
  if (municipality !== null) {
    await tx.query(
      `INSERT INTO user_municipality_roles (user_id, municipality, roles)
       VALUES ($1, $2, ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))`,
      [user.id, municipality, JSON.stringify(user.roles)],
    );
  }
}

function rowToUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    name: row.display_name,
    login: row.login,
    passwordHash: row.password_hash,
    roles: row.roles as Role[],
    municipalities: (typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships) as Record<string, Role[]>,
    disabled: row.disabled,
    ...(row.removed_at ? { removed: true } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    organisation: row.organisation ?? null,
  };
}

function withoutSecret(user: StoredUser): PublicUser {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}
