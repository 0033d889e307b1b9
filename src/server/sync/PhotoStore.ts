import fs from 'node:fs/promises';
import path from 'node:path';
import { whyNotWritable } from '../writableDir';

/**
 * Where photo bytes live (R17/R18): the filesystem by default; an S3-compatible store can implement
 * the same three calls. Keys are a SHA-256 hex digest (the original) or `<sha256>.<size>` (its
 * smaller sizes, see photoSizes.ts), checked by the caller; the store treats them as opaque names.
 */
export interface PhotoStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
  remove(sha256: string): Promise<void>;
  /** Every key in the store (backup, retention); order unspecified. */
  list(): AsyncIterable<string>;
}

/** `<dir>/<first two hex>/<hash>`: no directory grows past a few thousand files. */
export class FsPhotoStore implements PhotoStore {
  constructor(private readonly dir: string) {}

  /** Start-up and health check: null when a photo can be written, else why not. */
  whyNotWritable(): Promise<string | null> {
    return whyNotWritable(this.dir);
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const file = this.file(sha256);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader (or a crash) never sees half a photo.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.file(sha256), { force: true });
  }

  async *list(): AsyncIterable<string> {
    let shards: string[];
    try {
      shards = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const shard of shards.sort()) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      // Half-written files (`.tmp`) are not photos yet.
      for (const name of (await fs.readdir(path.join(this.dir, shard))).sort()) if (!name.endsWith('.tmp')) yield name;
    }
  }
}
