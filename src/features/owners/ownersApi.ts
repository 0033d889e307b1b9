/** The coordinator's and the owner's calls; every failure comes back as a value (with a reason), never thrown. */
import type { PublicUser } from '../../domain/account';
import type { Finding } from '../../domain/finding';
import type { OrganisationInput, OrganisationPatch, OwnerOrganisation } from '../../domain/ownerOrganisation';
import { call } from '../auth/usersApi';

export interface MailEntry {
  key: string;
  kind: 'assignment' | 'reminder' | 'digest' | 'survey_invite' | 'survey_reminder';
  /** Null for a survey mail (it goes to a shop). */
  organisationId: string | null;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  recipients: string[];
  createdAt: string;
  sentAt: string | null;
  findingIds: string[];
}

export interface MyAction extends Pick<Finding, 'id' | 'areaId' | 'categoryCode' | 'description' | 'status' | 'dueDate'> {
  ref: string;
  overdue: boolean;
}

const q = (municipality: string) => `municipality=${encodeURIComponent(municipality)}`;

export const ownersApi = {
  list: (m: string) => call<{ organisations: OwnerOrganisation[] }>(`/api/owners?${q(m)}`),
  create: (m: string, input: OrganisationInput) => call<{ organisation: OwnerOrganisation }>(`/api/owners?${q(m)}`, { method: 'POST', json: input }),
  update: (m: string, id: string, patch: OrganisationPatch) =>
    call<{ organisation: OwnerOrganisation }>(`/api/owners/${encodeURIComponent(id)}?${q(m)}`, { method: 'PATCH', json: patch }),
  members: (m: string) => call<{ members: { userId: string; organisationId: string }[] }>(`/api/owners/members?${q(m)}`),
  setMember: (m: string, userId: string, organisationId: string | null) =>
    call<unknown>(`/api/owners/members/${encodeURIComponent(userId)}?${q(m)}`, { method: 'PUT', json: { organisationId } }),
  users: () => call<{ users: PublicUser[] }>('/api/users'),
  mail: (m: string) => call<{ smtpConfigured: boolean; counts: Record<MailEntry['status'], number>; mails: MailEntry[] }>(`/api/mail?${q(m)}`),
  myActions: (m: string) => call<{ organisation: { id: string; name: string } | null; actions: MyAction[] }>(`/api/my-actions?${q(m)}`),
};
