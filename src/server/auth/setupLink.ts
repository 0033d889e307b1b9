import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/Store';
import { UserStoreError } from '../store/UserStore';
import { hashToken, newToken } from './tokens';

export const SETUP_LINK_FILE = 'setup-link.txt';

/**
 * On a database without users: make a one-time setup token and return the link for the first
 * coordinator, also written to `<dataDir>/setup-link.txt` (mode 600, for scripts and tests that cannot
 * read stdout). Returns undefined when users exist, and removes a stale link file then.
 */
export async function prepareSetupLink(store: Store, opts: { port: number; dataDir: string }): Promise<string | undefined> {
  const file = path.join(opts.dataDir, SETUP_LINK_FILE);
  if ((await store.users.countUsers()) > 0) {
    fs.rmSync(file, { force: true });
    return undefined;
  }
  const token = newToken();
  try {
    await store.users.addSetupToken(hashToken(token));
  } catch (err) {
    // Another server process finished the setup a moment ago.
    if (err instanceof UserStoreError && err.code === 'setup_done') return undefined;
    throw err;
  }
  // The token goes in the fragment, which browsers never send to the server or in a Referer.
  const link = `http://localhost:${opts.port}/setup#${token}`;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${link}\n`, { mode: 0o600 });
  return link;
}
