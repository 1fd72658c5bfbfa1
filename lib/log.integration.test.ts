import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCareTeam, NO_RED_FLAGS, signInAs } from '@/db/factories';
import { DatabaseError, queryName } from '@/db/errors';
import { setupTestDatabase } from '@/db/testing';
import { createNote } from '@/lib/dal/notes';
import { createPainEntry } from '@/lib/dal/pain';
import { createLogger, redactConsole, safeError } from './log';

const db = setupTestDatabase();

/** A logger writing into a string, as the server's stdout would. */
function capture() {
  let output = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  return { logger: createLogger(stream), read: () => output };
}

describe('logs never hold health data', () => {
  it('a database fault while a pain note and a SOAP note are written is logged by SQLSTATE and query name only', async () => {
    const team = await createCareTeam(db());
    const painNote = `Sharp pain after lifting my grandson ${randomUUID()}`;
    const soap = `Reports numbness in the saddle area ${randomUUID()}`;
    // The fault: every write of a pain entry or a note fails inside the database.
    await db().execute(sql.raw(`create function test_fault() returns trigger language plpgsql as $$ begin raise exception 'disk full' using errcode = '53100'; end $$`));
    await db().execute(sql.raw('create trigger test_fault_pain before insert on pain_entries for each row execute function test_fault()'));
    await db().execute(sql.raw('create trigger test_fault_notes before insert on notes for each row execute function test_fault()'));
    const { logger, read } = capture();
    const failures: unknown[] = [];
    try {
      await signInAs(db(), team.patient.id);
      await createPainEntry({ submissionId: randomUUID(), score: 7, worst24h: 9, locations: ['lower-back'], belowKnee: true, note: painNote, redFlags: { ...NO_RED_FLAGS } }).catch((error: unknown) => failures.push(error));
      await signInAs(db(), team.clinician.id);
      await createNote(team.episode.id, { submissionId: randomUUID(), subjective: soap, objective: soap, assessment: soap, plan: soap }).catch((error: unknown) => failures.push(error));
    } finally {
      await db().execute(sql.raw('drop trigger test_fault_pain on pain_entries'));
      await db().execute(sql.raw('drop trigger test_fault_notes on notes'));
      await db().execute(sql.raw('drop function test_fault()'));
    }
    expect(failures).toHaveLength(2);
    for (const error of failures) {
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error).toMatchObject({ code: '53100' });
      logger.error({ err: error }, 'request failed');
      // However it is printed: by the logger, by Node's inspect (what console.error does) or as JSON.
      for (const printed of [read(), inspect(error, { depth: 5 }), JSON.stringify(error), String(error)]) {
        for (const secret of [painNote, soap, team.patient.name, team.patient.email, 'disk full']) expect(printed).not.toContain(secret);
      }
    }
    const lines = read().trim().split('\n').map((line) => JSON.parse(line) as { err: { sqlstate: string; query: string } });
    expect(lines.map((line) => line.err.sqlstate)).toEqual(['53100', '53100']);
    expect(lines.map((line) => line.err.query)).toEqual(['insert into pain_entries', 'insert into notes']);
  });

  it('console.error from the framework goes through the same redaction', () => {
    const { logger, read } = capture();
    const original = { error: console.error, warn: console.warn };
    try {
      redactConsole(logger);
      const secret = 'Ms Jane Example, born 1961-04-12, pain 9';
      console.error(new Error(`Failed query: insert into notes values ($1)\nparams: ${secret}`));
      console.error('Error in action', { values: secret });
      console.warn(`a warning quoting "${secret}"`);
    } finally {
      console.error = original.error;
      console.warn = original.warn;
    }
    expect(read()).not.toContain('Jane');
    expect(read()).not.toContain('1961');
    expect(read().trim().split('\n')).toHaveLength(3);
  });

  it('redacts personal fields wherever a caller puts them, and names queries by verb and table', () => {
    const { logger, read } = capture();
    logger.info({ email: 'sam@example.com', user: { name: 'Sam Patel', dateOfBirth: '1980-01-02' }, userId: 'u-1' }, 'something happened');
    expect(read()).not.toMatch(/sam@example|Sam Patel|1980-01-02/);
    expect(read()).toContain('u-1');
    expect(queryName('insert into "notes" ("id", "subjective") values ($1, $2)')).toBe('insert into notes');
    expect(queryName('select "id" from "users" where "users"."email" = $1')).toBe('select users');
    expect(queryName('update "plans" set "version" = $1')).toBe('update plans');
    expect(queryName('select audit_append($1::timestamptz)')).toBe('select audit_append');
    expect(safeError(new TypeError('Unexpected token "Sam Patel"'))).not.toHaveProperty('message');
  });
});
