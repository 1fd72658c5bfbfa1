import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clinics, users } from '@/db/schema';
import { auditActor, type Viewer } from '@/lib/auth/viewer';
import { sendMail, smtpConfigFromEnv } from '@/lib/mail/smtp';
import { recordAudit } from '@/lib/audit/record';

/**
 * A member of staff tried to create an account (a patient at onboarding or by import, or a colleague by
 * invitation) with an email address that already has one. The answer they get is the same whether
 * that account is in their own clinic or another, so Uplift never tells one clinic who is a patient
 * or member of staff at another. Instead:
 * - the attempt is audited in the viewer's clinic (denied, reason "email-in-use"; no account named);
 * - when the account is in another clinic, its own clinic's trail records that someone tried to reuse
 *   the address (a patient also sees it in "Who viewed or changed my record"), and the owner is
 *   emailed when mail is configured: they are the one person entitled to know.
 */
export async function reportEmailInUse(viewer: Viewer, email: string, attempt: 'patient-onboarding' | 'patient-import' | 'staff-invitation'): Promise<void> {
  const db = getDb();
  const [owner] = await db
    .select({ id: users.id, clinicId: users.clinicId, role: users.role, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  const elsewhere = owner !== undefined && owner.clinicId !== viewer.clinicId;
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      action: { 'patient-onboarding': 'clinician.patient.onboard', 'patient-import': 'manager.patients.import', 'staff-invitation': 'manager.user.invite' }[attempt],
      outcome: 'denied',
      ...auditActor(viewer),
      detail: { reason: 'email-in-use' },
    });
    if (owner && elsewhere) {
      await recordAudit(tx, {
        action: 'account.email-reuse-attempt',
        outcome: 'denied',
        clinicId: owner.clinicId,
        patientId: owner.role === 'patient' ? owner.id : null,
        resourceType: 'user',
        resourceId: owner.id,
        detail: { attempt },
      });
    }
  });
  if (!owner || !elsewhere) return;
  const config = smtpConfigFromEnv();
  if (!config) return;
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, viewer.clinicId));
  try {
    await sendMail(config, {
      to: owner.email,
      subject: 'Someone tried to use your email address on Uplift',
      text: [
        `Hello ${owner.name.split(' ')[0]},`,
        '',
        `${clinic?.name ?? 'Another clinic'} tried to create a new Uplift account with this email address, which you already use for Uplift.`,
        'We did not create it, did not tell them that the address is in use, and nothing in your account has changed.',
        '',
        'If you are moving to that clinic, ask your current clinic what to do next. If this is unexpected, tell your clinic.',
      ].join('\n'),
    });
  } catch (error) {
    // Ids and codes only: never the address.
    console.error(`[mail] email-in-use notice for user ${owner.id} failed: ${(error as Error).message.slice(0, 80)}`);
  }
}
