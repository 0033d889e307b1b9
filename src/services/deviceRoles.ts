import type { Role } from '../domain/findingStatus';

/** What a device without an account may do locally (its data stays on the device until someone logs in). */
export const DEVICE_ROLES: readonly Role[] = ['coordinator', 'schouwer'];
