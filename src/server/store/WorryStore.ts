import type { LonLat } from '../../domain/geojson';
import type { Worry } from '../../domain/worry';

export interface WorryLink {
  token: string;
  municipality: string;
  areaId: string;
  createdAt: string;
}

export interface WorrySubmissionRow {
  id: string;
  municipality: string;
  areaId: string;
  point: LonLat;
  categoryCode: string;
  text: string;
  photoHash: string | null;
  state: 'pending' | 'accepted' | 'rejected';
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export type NewWorrySubmission = Omit<WorrySubmissionRow, 'state' | 'submittedAt' | 'decidedBy' | 'decidedAt'> & { linkToken: string; clientKey: string };

/**
 * Worries before the walk (migration 075, SPEC.md R47): the public links per area, the shopkeepers'
 * submissions waiting for the coordinator, and the decision that makes a synced `worries` record.
 * Every method that reads or decides takes the municipality, so another municipality's rows are never seen.
 */
export interface WorryStore {
  /** The area's current link (not revoked), or null. */
  currentLink(municipality: string, areaId: string): Promise<WorryLink | null>;
  links(municipality: string): Promise<WorryLink[]>;
  /** A new link for the area; the old one stops working (R47). */
  newLink(municipality: string, areaId: string, token: string, createdBy: string): Promise<WorryLink>;
  revokeLink(municipality: string, areaId: string): Promise<boolean>;
  /** A link that works (known, not revoked), by its token. */
  findLink(token: string): Promise<WorryLink | null>;
  /** Stored submissions in the window, per link and per client address (the rate limit, R47). */
  recentCounts(linkToken: string, clientKey: string, since: Date): Promise<{ link: number; client: number }>;
  submit(row: NewWorrySubmission): Promise<void>;
  list(municipality: string, state?: WorrySubmissionRow['state']): Promise<WorrySubmissionRow[]>;
  get(municipality: string, id: string): Promise<WorrySubmissionRow | null>;
  /**
   * Accept (the synced record is written with the next revision in the same transaction) or reject a
   * pending submission. Null when there is no pending one of that id in the municipality.
   */
  decide(municipality: string, id: string, decision: 'accept' | 'reject', by: string, now: Date): Promise<{ state: 'accepted' | 'rejected'; worry: Worry | null } | null>;
}
