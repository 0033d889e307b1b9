/**
 * The history on another person's device names the schouwer (SPEC.md R23b): a finding captured on the
 * walk tablet, synced through the real server, shows "door Sanne Schouwer" on the wijkbeheerder's
 * device after its sync; the wijkbeheerder's own comment is "door dit apparaat" until it has synced,
 * then their name. The wijkbeheerder's device is the app's own database and Timeline component.
 */
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import i18next from 'i18next';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupStrings } from '../../../src/features/followup/i18n';
import { historyLines, type HistoryLabels } from '../../../src/features/followup/historyText';
import { readFindingHistory } from '../../../src/storage/findingHistoryRepo';
import { db as appDb } from '../../../src/services/db';
import { peopleStrings } from '../../../src/services/people';
import { resetSessionForTests } from '../../../src/services/session';
import { openDb } from '../../../src/storage/db';
import { applyFindingCommandTo, saveNewFinding } from '../../../src/storage/findingsRepo';
import { SyncEngine } from '../../../src/sync/engine';
import { injectFetch } from '../../support/injectFetch';
import { startSyncServer, type SyncServer, type TestUser } from '../../support/syncServer';

// The server needs Node's own URL and file paths, so this file runs in Node and gets a DOM of its own
// (happy-dom) before react-dom loads, which decides at import whether it can use a DOM.
const win = new Window();
Object.assign(globalThis, { window: win, document: win.document, navigator: win.navigator, IS_REACT_ACT_ENVIRONMENT: true });
const { createRoot } = await import('react-dom/client');
const { Timeline } = await import('../../../src/features/followup/Timeline');

let server: SyncServer;
let sanne: TestUser;
let willem: TestUser;
let root: Root | null = null;

const labels: HistoryLabels = {
  kind: (k) => k,
  status: (s) => s,
  owner: (o) => o ?? '—',
  area: (a) => a ?? '—',
  category: (c) => c,
  severity: (s) => s,
  date: (d) => d ?? '—',
  findingRef: (f) => f ?? '—',
  yes: 'ja',
  no: 'nee',
};

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'nl', resources: { nl: { translation: { followup: followupStrings.nl, people: peopleStrings.nl } } } });
  server = await startSyncServer();
  sanne = await server.user(['schouwer'], 'Sanne Schouwer');
  willem = await server.user(['wijkbeheerder'], 'Willem Wijkbeheer');
});
afterAll(async () => {
  await act(async () => root?.unmount());
  await server.close();
});

function engineFor(db: typeof appDb, user: TestUser) {
  const clientId = crypto.randomUUID();
  return new SyncEngine({ db, fetch: injectFetch(server.app, () => user.headers, { online: true, loseNextPushAnswer: false }), clientId: async () => clientId, isOnline: () => true });
}

async function historyText(findingId: string): Promise<string[]> {
  // As the finding page reads it (R39: a pulled finding's creation event is derived from the finding).
  const events = await readFindingHistory(appDb, findingId);
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  await act(async () => root?.unmount());
  root = createRoot(el);
  await act(async () => root!.render(<Timeline lines={historyLines(events, labels)} />));
  // useLiveQuery answers after a tick.
  await act(() => new Promise((r) => setTimeout(r, 50)));
  return [...el.querySelectorAll('.fu-by')].map((n) => n.textContent ?? '');
}

describe("names in the history on another person's device", () => {
  it('R23b: the schouwer by name after sync; a local comment is "dit apparaat" until it is synced; never a raw id', async () => {
    const tablet = openDb(`tablet-${uuidv7()}`);
    const made = await saveNewFinding(
      tablet,
      { id: uuidv7(), municipality: 'testdorp', areaId: null, point: { type: 'Point', coordinates: [6.16, 52.25] }, categoryCode: 'lighting', description: 'Lamp kapot', severity: 'low' },
      { id: sanne.id, roles: sanne.roles },
    );
    if (!made.ok) throw new Error(made.reason);
    await engineFor(tablet, sanne).syncNow();

    resetSessionForTests({ user: { id: willem.id, name: 'Willem Wijkbeheer', login: 'w@test.nl', roles: ['wijkbeheerder'] }, expired: false });
    const desk = engineFor(appDb, willem);
    await desk.syncNow();
    expect(desk.getStatus().state).toBe('idle');
    expect(await historyText(made.finding.id)).toEqual(['door Sanne Schouwer']);

    const commented = await applyFindingCommandTo(appDb, made.finding.id, { kind: 'comment', text: 'Gemeld bij Stedin' }, { id: willem.id, roles: willem.roles });
    expect(commented.ok).toBe(true);
    expect(await historyText(made.finding.id)).toEqual(['door Sanne Schouwer', 'door dit apparaat']);

    await desk.syncNow();
    expect(await historyText(made.finding.id)).toEqual(['door Sanne Schouwer', 'door Willem Wijkbeheer']);

    // Someone the directory does not know (an account removed since): a phrase, not the id.
    await appDb.people.delete(sanne.id);
    const shown = await historyText(made.finding.id);
    expect(shown).toEqual(['door onbekende deelnemer', 'door Willem Wijkbeheer']);
    expect(shown.join(' ')).not.toContain(sanne.id);
    tablet.close();
  });
});
