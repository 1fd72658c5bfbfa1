import { z } from 'zod';
import { addDays, zonedTimeToUtc } from '@/lib/time';

export const AUDIT_ACTION_GROUPS = [
  { value: 'auth.', label: 'Sign-in and sign-out' },
  { value: 'account.', label: 'Passwords and invitations' },
  { value: 'mfa.', label: 'Two-step sign-in' },
  { value: 'area.', label: 'Refused area access' },
  { value: 'audit.', label: 'Audit trail use' },
  { value: 'clinic.', label: 'Clinic settings' },
  { value: 'clinician.', label: 'Clinicians: records, caseloads, plans' },
  { value: 'manager.', label: 'Managers: users, caseloads, reports' },
] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))
  .optional()
  .catch(undefined);

/** Filters from the audit page's query string; anything malformed is dropped rather than an error. */
export const auditQuerySchema = z.object({
  from: day,
  to: day,
  action: z.string().max(60).regex(/^[a-z0-9.|-]*$/).optional().catch(undefined),
  outcome: z.enum(['success', 'denied', 'failure']).optional().catch(undefined),
  person: z.string().max(100).optional().catch(undefined),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const single = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return auditQuerySchema.parse(single);
}

/** The query as DAL filters: whole days in the clinic's time zone, `to` inclusive. */
export function auditFilterFrom(query: AuditQuery, timeZone: string) {
  return {
    from: query.from ? zonedTimeToUtc(query.from, 0, 0, timeZone) : undefined,
    to: query.to ? zonedTimeToUtc(addDays(query.to, 1), 0, 0, timeZone) : undefined,
    action: query.action || undefined,
    outcome: query.outcome,
    person: query.person?.replace(/\0/g, '').trim() || undefined,
  };
}
