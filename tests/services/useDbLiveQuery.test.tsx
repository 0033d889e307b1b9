// @vitest-environment happy-dom
/**
 * The lazy live query the first screen's code reads the device database with (issue 17): the initial
 * value until the database is there, then the answer, and a new answer after each write, as
 * dexie-react-hooks' useLiveQuery gives.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useDbLiveQuery } from '../../src/services/useDbLiveQuery';
import { openDb, type SchouwDb } from '../../src/storage/db';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
});

function MetaCount({ db }: { db?: SchouwDb }) {
  const n = useDbLiveQuery((d) => d.meta.count(), [], 'loading', db);
  return <p>{String(n)}</p>;
}

async function render(el: React.ReactElement): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
  await act(async () => root!.render(el));
  return host;
}

/** Lets the database and Dexie load and the query answer, until the text is `want`. */
async function until(host: HTMLElement, want: string): Promise<void> {
  while (host.textContent !== want) await act(() => new Promise((r) => setTimeout(r, 10)));
}

describe('useDbLiveQuery', () => {
  it('shows the initial value first, then the answer, then follows writes', async () => {
    const db = openDb(`live-${Math.random()}`);
    const host = await render(<MetaCount db={db} />);
    await until(host, '0');
    await db.meta.put({ key: 'a', value: 1 });
    await until(host, '1');
    await db.meta.put({ key: 'b', value: 2 });
    await until(host, '2');
    db.close();
  });

  it('without a database given, reads the app database loaded on demand', async () => {
    const { loadDb } = await import('../../src/services/loadDb');
    const host = await render(<MetaCount />);
    expect(host.textContent).toBe('loading');
    const db = await loadDb();
    const before = await db.meta.count();
    await until(host, String(before));
    await db.meta.put({ key: `k-${Math.random()}`, value: 1 });
    await until(host, String(before + 1));
  });
});
