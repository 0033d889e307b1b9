/**
 * Owner organisations: who must act on a finding (the municipality's public-space department, the
 * police, a housing corporation, ...). Kept per municipality by the coordinator, each with one or
 * more contact addresses that the assignment mails, reminders and digests go to.
 */
import { z } from 'zod';
import { findingOwnerSchema, findingOwners, type FindingOwner } from './finding';

export const MAX_ORGANISATION_EMAILS = 10;

/** Trimmed and lower-cased, so one address is never listed twice in two spellings. */
export const contactEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('is not an e-mail address').max(254, 'is longer than 254 characters'));

const nameSchema = z.string().trim().min(1, 'is empty').max(100, 'is longer than 100 characters');
const emailsSchema = z
  .array(contactEmailSchema)
  .min(1, 'needs at least one contact address')
  .max(MAX_ORGANISATION_EMAILS, `holds more than ${MAX_ORGANISATION_EMAILS} addresses`)
  .refine((list) => new Set(list).size === list.length, 'lists an address twice');

export const ownerOrganisationSchema = z.object({
  id: findingOwnerSchema,
  municipality: z.string().min(1),
  name: nameSchema,
  /** Only coordinators receive these; other devices get an empty list. */
  emails: z.array(z.string()),
  /** Archived: not offered when assigning, kept because findings still point at it. */
  archived: z.boolean(),
});
export type OwnerOrganisation = z.infer<typeof ownerOrganisationSchema>;

export const organisationInputSchema = z.strictObject({ name: nameSchema, emails: emailsSchema });
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationPatchSchema = z
  .strictObject({ name: nameSchema.optional(), emails: emailsSchema.optional(), archived: z.boolean().optional() })
  .refine((p) => Object.keys(p).length > 0, 'changes nothing: give name, emails or archived');
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;

/**
 * The defaults every municipality starts with. Their ids are the owner values findings had before
 * organisations existed, which maps every old owner to its organisation without rewriting findings.
 * The addresses are placeholders on the municipality's own domain until the coordinator sets them.
 */
export const defaultOrganisationNames: Record<(typeof findingOwners)[number], string> = {
  municipality: 'Gemeente – openbare ruimte',
  police: 'Politie',
  fire_brigade: 'Brandweer',
  housing_corporation: 'Woningcorporatie',
  shops: 'Ondernemersvereniging (MKB Deventer)',
  other: 'Overig',
};

export function defaultOrganisations(municipality: string): OwnerOrganisation[] {
  return findingOwners.map((id) => ({ id, municipality, name: defaultOrganisationNames[id], emails: [], archived: false }));
}

export function isDefaultOrganisation(id: FindingOwner): boolean {
  return (findingOwners as readonly string[]).includes(id);
}

/** Split what a person typed ("a@x.nl, b@x.nl" or one per line) into addresses. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}
