import 'server-only';
import { eq } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/connection';
import { appointments, users } from '@/db/schema';
import type { Visit } from '@/lib/appointments/visit';

/** The visit's clinician, under a name of its own so a query can join the patient's users row too. */
const clinician = alias(users, 'clinician');

const visitColumns = {
  id: appointments.id,
  kind: appointments.kind,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  location: appointments.location,
  videoUrl: appointments.videoUrl,
  status: appointments.status,
  attendance: appointments.attendance,
  clinicianName: clinician.name,
} satisfies Record<keyof Visit, unknown>;

/**
 * Visits as lib/appointments/visit.ts describes them, plus any `extra` columns: appointments joined to
 * their clinician. The caller adds its own joins, and the conditions that scope it to the viewer.
 */
export function selectVisits<Extra extends SelectedFields = Record<never, never>>(db: Db, extra?: Extra) {
  return db
    .select({ ...visitColumns, ...(extra as Extra) })
    .from(appointments)
    .innerJoin(clinician, eq(clinician.id, appointments.clinicianId));
}
