// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type SchouwDb } from '../../src/storage/db';
import { FindingConflicts } from '../../src/sync/FindingConflicts';
import { syncStrings } from '../../src/sync/i18n';
import { RejectedChanges } from '../../src/sync/RejectedChanges';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let db: SchouwDb;
const host = () => document.body;
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'nl', resources: { nl: { translation: { sync: syncStrings.nl } } } });
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  db?.close();
});

async function render(node: React.ReactNode) {
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  root = createRoot(el);
  await act(async () => root!.render(node));
  await settle();
}

describe('sync UI', () => {
  it('R21: a refused change shows its reason, what to do, and the typed values; "Gezien" removes it', async () => {
    db = openDb(`ui-${crypto.randomUUID()}`);
    const seq = await db.outbox.add({ mutationId: crypto.randomUUID(), table: 'findings', recordId: 'f-123456', changes: { description: 'te laat', updatedAt: 'x' }, baseRevision: 3, events: [], createdAt: new Date().toISOString(), status: 'rejected', reason: 'not_allowed_for_role' });
    const entries = await db.outbox.toArray();
    await render(<RejectedChanges db={db} entries={entries} />);
    const text = host().textContent ?? '';
    expect(text).toContain('Dit mag je met jouw rol niet doen.');
    expect(text).toContain('voer de wijziging opnieuw in');
    expect(text).toContain('te laat');
    expect(text).not.toContain('updatedAt');
    await act(async () => (host().querySelector('button') as HTMLButtonElement).click());
    await settle();
    expect(await db.outbox.get(seq)).toBeUndefined();
  });

  it('R24: a change refused as invalid input names the field and says to correct the value', async () => {
    db = openDb(`ui-${crypto.randomUUID()}`);
    await db.outbox.add({ mutationId: crypto.randomUUID(), table: 'findings', recordId: 'f-654321', changes: { description: 'x\u0000y' }, baseRevision: null, events: [], createdAt: new Date().toISOString(), status: 'rejected', reason: 'invalid_input', field: '/changes/description' });
    await render(<RejectedChanges db={db} entries={await db.outbox.toArray()} />);
    const text = host().textContent ?? '';
    expect(text).toContain('Veld: description');
    expect(text).toContain('een teken dat niet kan worden opgeslagen');
    expect(text).toContain('pas hem aan en sla opnieuw op');
  });

  it('R13: a finding with a conflict shows the replaced value; without one it shows nothing', async () => {
    db = openDb(`ui-${crypto.randomUUID()}`);
    // R38: a finding's known revision and conflicts live in its own row.
    await db.findings.put({ id: 'f1', _sync: { revision: 9, conflicts: [{ field: 'description', lost: 'versie A', won: 'versie B', lostBy: 'u1', wonBy: 'u2', at: '2026-03-02T10:00:00Z', revision: 9 }] } } as never);
    await render(<FindingConflicts db={db} findingId="f1" />);
    // The live query answers when IndexedDB does; wait for it (a loaded machine can take a while).
    for (let i = 0; i < 100 && !host().textContent; i++) await settle();
    expect(host().textContent).toContain('Omschrijving: "versie A" is vervangen door "versie B"');
    await render(<FindingConflicts db={db} findingId="f2" />);
    expect(host().textContent).toBe('');
  });
});
