/**
 * Conversations for the generated clinic, so the message inbox and pages are measured with data: about
 * one episode in three (and the bench patient's) gets a thread of two to four messages, alternating
 * patient and clinician, the last ones within the past three days; a thread of odd length ends with an
 * unread message from the patient. Written in one SQL statement, chosen by a hash of the episode id, so
 * it is the same on every run and on both databases; episodes that already have a thread are left alone,
 * so it can run on a clinic generated before messages existed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { executeRows } from '../../db/rows';

const BODIES = [
  'The exercises are going well, but my back is stiff first thing in the morning. Is that normal?',
  'Stiffness in the morning is common. Try the pelvic tilts before you get up and let me know how it goes.',
  'Can I go back to swimming this week?',
  'Yes, gentle lengths are fine. Stop if the pain goes down your leg.',
];

/** Adds the conversations; answers how many threads it wrote. */
export async function generateMessages(db: Db, clinicId: string, alsoEpisodeId: string | null, now = new Date()): Promise<number> {
  const bodies = sql`(array[${sql.join(BODIES.map((body) => sql`${body}::text`), sql`, `)}])`;
  const [row] = await executeRows<{ n: number }>(
    db,
    sql`with chosen as (
          select e.id, e.clinic_id, e.patient_id, e.clinician_id, e.started_at,
                 coalesce(e.discharged_at, ${now.toISOString()}::timestamptz) as until,
                 ('x' || substr(md5(e.id::text), 1, 7))::bit(28)::int as h
          from episodes e
          where e.clinic_id = ${clinicId}
            and (('x' || substr(md5(e.id::text), 1, 7))::bit(28)::int % 3 = 0 or e.id = ${alsoEpisodeId})
            and not exists (select 1 from message_threads t where t.episode_id = e.id)
        ), threads as (
          insert into message_threads (clinic_id, episode_id, patient_id, last_message_at, created_at)
          select clinic_id, id, patient_id, until - make_interval(hours => 1 + h % 72), started_at from chosen
          returning id, episode_id, last_message_at
        ), written as (
          insert into messages (thread_id, author_id, author_role, body, created_at)
          select t.id,
                 case when n % 2 = 1 then c.patient_id else c.clinician_id end,
                 case when n % 2 = 1 then 'patient'::role else 'clinician'::role end,
                 ${bodies}[n],
                 t.last_message_at - make_interval(days => (2 + c.h % 3) - n)
          from threads t join chosen c on c.id = t.episode_id, generate_series(1, 2 + c.h % 3) as n
          returning 1
        )
        select (select count(*)::int from threads) as n, (select count(*) from written) as written`,
  );
  return row?.n ?? 0;
}
