import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, createEpisode, createUser } from '../../db/factories';
import { executeRows } from '../../db/rows';
import { messageThreads } from '../../db/schema';
import { setupTestDatabase } from '../../db/testing';
import { generateMessages } from './messages';

const db = setupTestDatabase();

describe('generated conversations', () => {
  it('gives about a third of the episodes and the named one a thread, the same way every time, once', async () => {
    const team = await createCareTeam(db());
    for (let i = 0; i < 29; i += 1) {
      const patient = await createUser(db(), team.clinic.id, 'patient');
      await createEpisode(db(), { clinicId: team.clinic.id, patientId: patient.id, clinicianId: team.clinician.id });
    }
    const written = await generateMessages(db(), team.clinic.id, team.episode.id);
    expect(written).toBeGreaterThan(3);
    expect(written).toBeLessThan(20);
    const threads = await db().select({ episodeId: messageThreads.episodeId }).from(messageThreads).where(eq(messageThreads.clinicId, team.clinic.id));
    expect(threads.map((thread) => thread.episodeId)).toContain(team.episode.id);
    expect(await generateMessages(db(), team.clinic.id, team.episode.id)).toBe(0);

    // Each thread alternates, starting with the patient, and its last message is its last_message_at.
    const rows = await executeRows<{ roles: string[]; last_ok: boolean }>(
      db(),
      sql`select array_agg(m.author_role::text order by m.created_at) as roles, max(m.created_at) = t.last_message_at as last_ok
          from message_threads t join messages m on m.thread_id = t.id where t.clinic_id = ${team.clinic.id} group by t.id, t.last_message_at`,
    );
    for (const row of rows) {
      expect(row.last_ok).toBe(true);
      expect(row.roles.length).toBeGreaterThanOrEqual(2);
      expect(row.roles).toEqual(row.roles.map((_, index) => (index % 2 === 0 ? 'patient' : 'clinician')));
    }
  });
});
