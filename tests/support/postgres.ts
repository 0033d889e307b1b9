import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new, empty schema in the test database; `drop()` removes it with everything in it. */
export async function openTestSchema(url: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `sk_test_${Date.now().toString(36)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(url, (c) => c.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    drop: () => withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
