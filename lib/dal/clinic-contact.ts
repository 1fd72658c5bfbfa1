import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics } from '@/db/schema';
import { requireClinicManager, requireViewer } from '@/lib/auth/viewer';
import type { ClinicContactInput } from '@/lib/validation/clinic-settings';
import { updateOwnClinic } from './internal/own-clinic';

export type ClinicContact = { name: string; phone: string | null; email: string | null; address: string | null };

/** Any signed-in user: their own clinic's name and contact details (printed on plans and letters). No session: AppError('unauthenticated'). */
export async function getClinicContact(): Promise<ClinicContact> {
  const viewer = await requireViewer();
  const [row] = await getDb()
    .select({ name: clinics.name, phone: clinics.contactPhone, email: clinics.contactEmail, address: clinics.contactAddress })
    .from(clinics)
    .where(eq(clinics.id, viewer.clinicId));
  return row!;
}

/** Manager: sets their own clinic's contact details, recorded in the audit trail. Others: AppError('forbidden'). */
export async function updateClinicContact(input: ClinicContactInput): Promise<void> {
  const viewer = await requireClinicManager();
  await updateOwnClinic(
    viewer,
    'manager.clinic.contact-update',
    { contactPhone: input.contactPhone, contactEmail: input.contactEmail, contactAddress: input.contactAddress },
    // Which fields are filled in, not what they say: the trail records the change, the table holds the value.
    { phone: input.contactPhone !== null, email: input.contactEmail !== null, address: input.contactAddress !== null },
  );
}
