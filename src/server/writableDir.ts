import fs from 'node:fs';
import path from 'node:path';
import { errorCode, errorMessage } from './errors';

/**
 * Why `dir` cannot take a write, or null when it can. A real write probe (create and remove a file),
 * not only the mode bits: a read-only mount, an ACL or a full disk shows up too. A missing directory is
 * created first, as the stores do themselves.
 */
export async function whyNotWritable(dir: string): Promise<string | null> {
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.writeFile(probe, 'ok');
    await fs.promises.rm(probe, { force: true });
    return null;
  } catch (err) {
    return describeFsError(err);
  }
}

export function describeFsError(err: unknown): string {
  switch (errorCode(err)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'disk full';
    default:
      return errorMessage(err);
  }
}
