/**
 * What client and server must agree on about accounts, without zod: the app shell imports this, and
 * zod stays out of the first screen's JavaScript.
 */
export const PASSWORD_MIN = 12;
// scrypt's cost hardly depends on the length, but a megabyte "password" is still not one.
export const PASSWORD_MAX = 256;

/**
 * State-changing API requests carry this header. A cross-site form cannot set it, and a cross-site
 * fetch that sets it needs a CORS preflight the server never grants: with SameSite=Lax this is the
 * CSRF guard.
 */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'schouwkaart';
