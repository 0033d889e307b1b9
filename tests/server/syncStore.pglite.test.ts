import { freshStore } from '../support/pglite';
import { syncStoreContract } from './syncStore.contract';

syncStoreContract('PGlite', async () => {
  const store = await freshStore();
  return { sync: store.sync, dispose: () => store.close() };
});
