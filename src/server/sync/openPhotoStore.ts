import type { ServerConfig } from '../config';
import { FsPhotoStore, type PhotoStore } from './PhotoStore';

/** The photo store the configuration names: the folder `<DATA_DIR>/photos` by default. */
export function openPhotoStore(config: Pick<ServerConfig, 'photosDir'>): PhotoStore {
  return new FsPhotoStore(config.photosDir);
}
