import type { ServerConfig } from '../config';
import { FsPhotoStore, type PhotoStore } from './PhotoStore';
import { S3PhotoStore } from './S3PhotoStore';

/** The photo store the configuration names: the folder `<DATA_DIR>/photos` by default, or a bucket. */
export function openPhotoStore(config: Pick<ServerConfig, 'photosDir' | 'photoStore'>): PhotoStore {
  const c = config.photoStore;
  if (c.kind === 's3') return new S3PhotoStore(c);
  return new FsPhotoStore(config.photosDir);
}

/** Where photos go, for the start-up line; never a secret. */
export function describePhotoStore(config: Pick<ServerConfig, 'photosDir' | 'photoStore'>): string {
  const c = config.photoStore;
  if (c.kind === 's3') return `S3 bucket ${c.bucket}${c.prefix ? `/${c.prefix}` : ''}${c.endpoint ? ` at ${c.endpoint}` : ''}`;
  return `folder ${config.photosDir}`;
}
