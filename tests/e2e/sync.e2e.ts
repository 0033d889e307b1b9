// Two devices in real Chromium against the real server (SPEC.md R1-R22): a schouwer captures findings
// with a photo offline and edits one; meanwhile a wijkbeheerder sets the owner of that finding online;
// after reconnecting, both devices and the server hold the same findings, once each, with both edits.
import { randomUUID } from 'node:crypto';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { hasExif } from '../../src/features/schouw/photos/jpegSegments';
import { csrf, loginWithRoles } from './authHelpers';
import { closeMenu, openApp, openMenu, waitForServiceWorker } from './helpers';
import { chooseCategory, exifPhoto, expectListed, pointInside, readStored } from './schouwHelpers';

const here = pointInside('binnenstad');

async function synced(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.locator('.sync-status [role=status]')).toHaveText('Alles gesynchroniseerd', { timeout: 20_000 });
  await closeMenu(page);
}

async function startWalk(page: Page, context: BrowserContext, serviceWorker = true): Promise<void> {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 8 });
  await openApp(page);
  if (serviceWorker) await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Schouw' }).click();
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Binnenstad' });
  await page.getByRole('button', { name: 'Schouw plannen' }).click();
  await page.getByRole('button', { name: 'Start schouw Binnenstad' }).click();
  await expect(page).toHaveURL(/\/schouw\/[0-9a-f-]{36}$/);
}

async function capture(page: Page, theme: string, category: string, photo?: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'Bevinding toevoegen' }).click();
  await expect(page.getByText(/Geplaatst op je GPS-locatie/)).toBeVisible();
  await chooseCategory(page, theme, category);
  if (photo) {
    await page.locator('.capture-form input[type=file]').setInputFiles({ name: 'IMG.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect(page.locator('.capture-form .photo-thumb')).toHaveCount(1);
  }
  await page.getByRole('button', { name: 'Opslaan' }).click();
}

type Stored = { id: string; severity: string; owner: string | null; photoHashes: string[]; createdAt: string };

test('two devices: offline capture with a photo and an edit, an online edit elsewhere; the answer to the reconnect push is lost; after a retry the same findings everywhere, no duplicates, both edits kept', async ({ browser }) => {
  // The e2e server is shared by every test file: only findings made during this test are this test's.
  const startedAt = new Date().toISOString();
  const mine = (list: Stored[]) => list.filter((f) => f.createdAt >= startedAt);
  // Without a service worker on A: Playwright cannot cut requests that pass a service worker, and the
  // lost answer below needs that. Every screen A uses offline is opened once online instead.
  const ctxA = await browser.newContext({ serviceWorkers: 'block' });
  const a = await ctxA.newPage();
  await loginWithRoles(a, ['schouwer'], `sync-a-${randomUUID().slice(0, 8)}@e2e.nl`);
  const ctxB = await browser.newContext();
  const b = await ctxB.newPage();
  await loginWithRoles(b, ['wijkbeheerder'], `sync-b-${randomUUID().slice(0, 8)}@e2e.nl`);

  // A captures one finding online: it reaches the server.
  await startWalk(a, ctxA, false);
  await capture(a, 'Sociale veiligheid', 'Verlichting');
  await expectListed(a, 1);
  await synced(a);
  await a.getByRole('button', { name: /Verlichting/ }).click();
  await a.getByText('Wijzigen', { exact: true }).click();
  await a.getByRole('button', { name: 'Terug naar de schouw' }).click();
  const first = mine((await readStored(a)).findings as unknown as Stored[])[0]!.id;

  // A goes offline: a second finding with a photo, and the first one made more severe.
  await ctxA.setOffline(true);
  await capture(a, 'Overlast', 'Graffiti en vernieling', await exifPhoto(a, 7));
  await expectListed(a, 2);
  await a.getByRole('button', { name: /Verlichting/ }).click();
  await a.getByText('Wijzigen', { exact: true }).click();
  await a.getByRole('radio', { name: 'Hoog' }).check();
  await a.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(a.locator('.finding-detail .finding-meta')).toContainText('Hoog');
  await expect(a.locator('.sync-status [role=status]')).toContainText(/Offline|wachten/);

  // Meanwhile B, online, sets the owner of the first finding (a push as B's device makes it).
  const me = (await (await b.request.get('/api/auth/me')).json()) as { user: { id: string } };
  const at = new Date().toISOString();
  const push = await b.request.post('/api/sync/push', {
    headers: csrf,
    data: {
      mutations: [
        {
          mutationId: randomUUID(),
          clientId: randomUUID(),
          seq: 1,
          table: 'findings',
          recordId: first,
          baseRevision: null,
          changes: { owner: 'police', updatedAt: at },
          events: [{ id: randomUUID(), findingId: first, at, by: me.user.id, kind: 'owner_changed', before: null, after: 'police', note: null }],
        },
      ],
    },
  });
  expect(push.status()).toBe(200);
  expect((await push.json()).results[0].status).toBe('accepted');

  // A reconnects. Its first push reaches the server, which commits it, and then the connection drops
  // before the answer arrives (R6): the retry must not duplicate anything.
  let cut = 0;
  await ctxA.route('**/api/sync/push', async (route) => {
    await route.fetch();
    cut++;
    await route.abort('connectionreset');
  }, { times: 1 });
  // Coming online starts a run by itself (R20); its push is the one cut.
  await ctxA.setOffline(false);
  await expect.poll(() => cut, { timeout: 20_000 }).toBe(1);
  await synced(a);
  // B's device syncs too.
  await openApp(b);
  await synced(b);

  const onA = mine((await readStored(a)).findings as unknown as Stored[]);
  const onB = mine((await readStored(b)).findings as unknown as Stored[]);
  for (const list of [onA, onB]) {
    expect(list).toHaveLength(2);
    expect(new Set(list.map((f) => f.id)).size).toBe(2);
    expect(list.find((f) => f.id === first)).toMatchObject({ severity: 'high', owner: 'police' });
  }
  expect(onB.map((f) => f.id).sort()).toEqual(onA.map((f) => f.id).sort());
  expect((await readStored(a)).outbox).toBe(0);

  // The photo is on the server, without EXIF, and the server's history has every edit once.
  const withPhoto = onA.find((f) => f.photoHashes.length > 0)!;
  const photo = await a.request.get(`/api/photos/${withPhoto.photoHashes[0]}`);
  expect(photo.status()).toBe(200);
  expect(hasExif(await photo.body())).toBe(false);
  const pulled = (await (await a.request.get('/api/sync/pull?since=0&limit=1000')).json()) as { records: { table: string; id: string; data: { createdAt: string } }[]; events: { event: { findingId: string; kind: string } }[] };
  expect(pulled.records.filter((r) => r.table === 'findings' && r.data.createdAt >= startedAt).map((r) => r.id).sort()).toEqual(onA.map((f) => f.id).sort());
  const kinds = pulled.events.filter((e) => e.event.findingId === first).map((e) => e.event.kind).sort();
  expect(kinds).toEqual(['created', 'owner_changed', 'severity_changed']);
  await ctxA.close();
  await ctxB.close();
});
