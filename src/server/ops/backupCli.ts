// `npm run backup -- <file>` and `npm run restore -- <file> [--force]`: the same environment as the
// server (DATA_DIR, DATABASE_URL, PHOTO_STORE...) says which database and photo store are meant.
// One line per outcome, no stack traces; exit 1 on a refusal.
import fs from 'node:fs';
import { loadConfig } from '../config';
import { StartupError, errorMessage } from '../errors';
import { openExecutor } from '../store/openStore';
import { openPhotoStore } from '../sync/openPhotoStore';
import { BackupError, backup, restore } from './backup';

const usage = 'usage: npm run backup -- <file.zip>   |   npm run restore -- <file.zip> [--force]';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const force = rest.includes('--force');
  const file = rest.find((a) => !a.startsWith('--'));
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  if (command === 'backup' && fs.existsSync(file) && !force) {
    console.error(`Error: ${file} exists already; choose another name or pass --force to overwrite it`);
    return 1;
  }
  if (command === 'restore' && !fs.existsSync(file)) {
    console.error(`Error: ${file} does not exist`);
    return 1;
  }
  const db = await openExecutor(config);
  const photos = openPhotoStore(config);
  try {
    if (command === 'backup') {
      const m = await backup(file, { db, photos });
      const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
      console.log(`Backup written to ${file}: ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.photos.count} photos (${m.photos.bytes} bytes), schema version ${m.schemaVersion}`);
    } else {
      const m = await restore(file, { db, photos, force });
      const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
      console.log(`Restored ${file} (made ${m.createdAt}): ${rows} rows, ${m.photos.count} photos into ${db.description}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BackupError || err instanceof StartupError) console.error(`Error: ${err.message}`);
    else console.error(`Error: ${errorMessage(err).split('\n')[0]} (set LOG_LEVEL=debug for details)`);
    if (process.env.LOG_LEVEL === 'debug') console.error(err);
    process.exit(1);
  },
);
