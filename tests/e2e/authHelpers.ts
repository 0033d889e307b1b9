import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/**
 * Accounts in end-to-end tests. All tests share one server and database, so the first coordinator is
 * made once (from the one-time setup link the server wrote to DATA_DIR) and its credentials are kept
 * in DATA_DIR for the tests that come later, whatever their order.
 */
export const dataDir = (): string => {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  return dir;
};
export const csrf = { 'x-requested-with': 'schouwkaart' };
export const password = 'een lange zin als wachtwoord';
const credentialsFile = () => path.join(dataDir(), 'e2e-coordinator.json');

/** `/setup#<token>` from the link the server printed; undefined once a coordinator exists. */
export function setupPath(): string | undefined {
  if (fs.existsSync(credentialsFile())) return undefined;
  const link = fs.readFileSync(path.join(dataDir(), 'setup-link.txt'), 'utf8').trim();
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
}

export function rememberCoordinator(login: string): void {
  fs.writeFileSync(credentialsFile(), JSON.stringify({ login, password }), { mode: 0o600 });
}

/** Log this browser context in as the coordinator, creating it through the setup link if needed. */
export async function loginAsCoordinator(request: APIRequestContext): Promise<void> {
  const setup = setupPath();
  if (setup) {
    const token = setup.split('#')[1];
    const res = await request.post('/api/auth/setup', { headers: csrf, data: { token, name: 'Coördinator e2e', login: 'coordinator@e2e.nl', password } });
    expect(res.status()).toBe(201);
    rememberCoordinator('coordinator@e2e.nl');
    return;
  }
  const { login } = JSON.parse(fs.readFileSync(credentialsFile(), 'utf8')) as { login: string };
  const res = await request.post('/api/auth/login', { headers: csrf, data: { login, password } });
  expect(res.status()).toBe(200);
}

/** Log a page's context in with roles made through a fresh invite (the coordinator logs in first). */
export async function loginWithRoles(page: Page, roles: string[], login: string): Promise<void> {
  await loginAsCoordinator(page.request);
  const invite = await page.request.post('/api/users/invites', { headers: csrf, data: { roles, expiresInDays: 1 } });
  const { token } = (await invite.json()) as { token: string };
  const res = await page.request.post('/api/auth/accept-invite', { headers: csrf, data: { token, name: login, login, password } });
  expect(res.status()).toBe(201);
}
