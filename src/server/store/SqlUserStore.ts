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
}

// Serialises the two checks that count users across rows ("no user yet", "one coordinator left"), so
// two concurrent requests cannot both pass them. Any constant that differs from the migration lock.
const ACCOUNTS_LOCK_KEY = 727_002;
const USER_COLUMNS = 'id, display_name, login, password_hash, roles, disabled, created_at, organisation';
const defaultSettings: ServerSettings = { partnersPublic: false };

/** `UserStore` in the SQL that PGlite and PostgreSQL both run. */
export class SqlUserStore implements UserStore {
  constructor(private readonly db: SqlExecutor) {}

  async countUsers(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row?.n ?? 0;
  }

  async getUser(id: string): Promise<StoredUser | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row && rowToUser(row);
  }

  async getUserByLogin(login: string): Promise<StoredUser | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE login = $1`, [login.toLowerCase()]);
    return row && rowToUser(row);
  }

  async listUsers(): Promise<PublicUser[]> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY display_name, id`);
    return rows.map((r) => withoutSecret(rowToUser(r)));
  }

  async listPeople(): Promise<Required<Person>[]> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY display_name, id`);
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
      await insertUser(tx, user);
      await tx.query('DELETE FROM setup_tokens');
    });
  }

  async createInvite(invite: { tokenHash: string; roles: Role[]; createdBy: string | null; expiresAt: Date }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO invites (id, token_hash, roles, created_by, expires_at)
       VALUES (gen_random_uuid()::text, $1, ARRAY(SELECT jsonb_array_elements_text($2::jsonb)), $3, $4::timestamptz)
       RETURNING id`,
      [invite.tokenHash, JSON.stringify(invite.roles), invite.createdBy, invite.expiresAt.toISOString()],
    );
    return row!.id;
  }

  async listOpenInvites(now: Date = new Date()): Promise<OpenInvite[]> {
    const rows = await this.db.query<{ id: string; roles: string[]; created_by: string | null; created_at: Date | string; expires_at: Date | string }>(
      `SELECT id, roles, created_by, created_at, expires_at FROM invites
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
      const [row] = await tx.query<UserRow>(
        `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [reset.user_id, passwordHash],
      );
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [reset.user_id]);
      return rowToUser(row!);
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
      const [invite] = await tx.query<{ roles: string[] }>(
        `SELECT roles FROM invites
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          FOR UPDATE`,
        [tokenHash],
      );
      if (!invite) throw new UserStoreError('invalid_token');
      const roles = invite.roles as Role[];
      await insertUser(tx, { ...user, roles });
      await tx.query('UPDATE invites SET used_at = now(), used_by = $2 WHERE token_hash = $1', [tokenHash, user.id]);
      const [row] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [user.id]);
      return rowToUser(row!);
    });
  }

  async updateUser(id: string, patch: { roles?: Role[]; disabled?: boolean; organisation?: string | null }): Promise<PublicUser> {
    return this.db.transaction(async (tx) => {
      await lockAccounts(tx);
      const [before] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
      if (!before) throw new UserStoreError('not_found');
      const [row] = await tx.query<UserRow>(
        `UPDATE users SET
           roles = CASE WHEN $2::jsonb IS NULL THEN roles ELSE ARRAY(SELECT jsonb_array_elements_text($2::jsonb)) END,
           disabled = COALESCE($3::boolean, disabled),
           organisation = CASE WHEN $4::boolean THEN $5::text ELSE organisation END,
           updated_at = now()
         WHERE id = $1
         RETURNING ${USER_COLUMNS}`,
        [id, patch.roles ? JSON.stringify(patch.roles) : null, patch.disabled ?? null, patch.organisation !== undefined, patch.organisation ?? null],
      );
      const [left] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM users WHERE 'coordinator' = ANY(roles) AND NOT disabled`,
      );
      // Throwing rolls the change back: nobody could manage accounts any more.
      if ((left?.n ?? 0) === 0) throw new UserStoreError('last_coordinator');
      if (row!.disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      return withoutSecret(rowToUser(row!));
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
      `SELECT u.id, u.display_name, u.login, u.password_hash, u.roles, u.disabled, u.created_at, u.organisation, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz AND NOT u.disabled`,
      [tokenHash, now.toISOString()],
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

async function insertUser(tx: SqlQueryable, user: NewUser): Promise<void> {
  const rows = await tx.query(
    `INSERT INTO users (id, display_name, login, password_hash, roles)
     VALUES ($1, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text($5::jsonb)))
     ON CONFLICT (login) DO NOTHING
     RETURNING 1`,
    [user.id, user.name, user.login.toLowerCase(), user.passwordHash, JSON.stringify(user.roles)],
  );
  if (rows.length === 0) throw new UserStoreError('login_taken');
}

function rowToUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    name: row.display_name,
    login: row.login,
    passwordHash: row.password_hash,
    roles: row.roles as Role[],
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    organisation: row.organisation ?? null,
  };
}

function withoutSecret(user: StoredUser): PublicUser {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}
