import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, signInAs } from '@/db/factories';
import { auditEvents } from '@/db/schema';
import { setupTestDatabase } from '@/db/testing';
import { isAppError } from '@/lib/errors';
import { clinicContactSchema } from '@/lib/validation/clinic-settings';
import { getClinicContact, updateClinicContact } from './clinic-contact';

const db = setupTestDatabase();
const contact = { contactPhone: '020 7946 0000', contactEmail: 'reception@riverside.example', contactAddress: '1 River Street\nLondon' };

describe('clinic contact details', () => {
  it('a manager sets them; everyone in the clinic reads them for printing; the audit row says which fields, not what', async () => {
    const team = await createCareTeam(db());
    const other = await createCareTeam(db());
    await signInAs(db(), team.manager.id);
    expect(await getClinicContact()).toMatchObject({ name: team.clinic.name, phone: null, email: null, address: null });
    await updateClinicContact(contact);
    for (const user of [team.patient, team.clinician]) {
      await signInAs(db(), user.id);
      expect(await getClinicContact()).toEqual({ name: team.clinic.name, phone: contact.contactPhone, email: contact.contactEmail, address: contact.contactAddress });
    }
    await signInAs(db(), other.patient.id);
    expect((await getClinicContact()).phone).toBeNull();
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'manager.clinic.contact-update'));
    expect(row).toMatchObject({ clinicId: team.clinic.id, actorId: team.manager.id, detail: { phone: true, email: true, address: true } });
    // The hashes are left out: hex digits can spell the number by chance.
    const { hash: _hash, prevHash: _prevHash, ...written } = row!;
    expect(JSON.stringify(written)).not.toContain('7946');
  });

  it('cannot be changed by a clinician or a patient', async () => {
    const team = await createCareTeam(db());
    for (const user of [team.clinician, team.patient]) {
      await signInAs(db(), user.id);
      expect(isAppError(await updateClinicContact(contact).catch((error: unknown) => error), 'forbidden')).toBe(true);
    }
  });

  it('parses the form strictly: empty means none, bad values get a message', () => {
    expect(clinicContactSchema.parse({ contactPhone: ' ', contactEmail: '', contactAddress: '' })).toEqual({ contactPhone: null, contactEmail: null, contactAddress: null });
    const bad = clinicContactSchema.safeParse({ contactPhone: '=HYPERLINK(1)', contactEmail: 'not an email', contactAddress: 'x\u0000' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(['contactAddress', 'contactEmail', 'contactPhone']);
    expect(clinicContactSchema.safeParse({ ...contact, role: 'manager' }).success).toBe(false);
  });
});
