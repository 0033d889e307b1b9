import { openDb } from '../storage/db';

/** The one database of this tab. */
export const db = openDb();
