import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installJobQueues } from '@/lib/jobs/runner';
import { getDatabaseHandle } from './client';
import { createClinic } from './factories';
import { applicationRole, grantApplicationRole, migrationUrl } from './roles';
import { setupTestDatabase } from './testing';
import type { Db } from './connection';

const db = setupTestDatabase();
// Roles belong to the whole PostgreSQL cluster: a fresh name per run, dropped afterwards.
const role = `uplift_app_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  await db().execute(sql`create role ${sql.identifier(role)} nologin`);
  // As migrations do it: the owner installs the job queue, then grants the application role.
  await installJobQueues(getDatabaseHandle());
  await grantApplicationRole(db(), role);
});
afterAll(async () => {
  await db().execute(sql`drop owned by ${sql.identifier(role)}`);
  await db().execute(sql`drop role ${sql.identifier(role)}`);
});

/** Runs `statement` as the application role, in a transaction that is always rolled back afterwards. */
async function asApplication(run: (tx: Db) => Promise<unknown>): Promise<{ ok: true } | { ok: false; code: string | undefined }> {
  const marker = new Error('roll back');
  try {
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local role ${sql.identifier(role)}`);
      await run(tx as unknown as Db);
      throw marker;
    });
  } catch (error) {
    if (error === marker) return { ok: true };
    return { ok: false, code: (error as { code?: string }).code };
  }
  return { ok: true };
}

describe('two roles: the application cannot rewrite the audit trail', () => {
  it('lets the application role read and append, and refuses UPDATE, DELETE, TRUNCATE, ALTER and direct INSERT', async () => {
    const clinic = await createClinic(db());
    const fields = sql`now(), ${clinic.id}::uuid, null::uuid, null::text, 'test.roles'::text, null::uuid, null::text, null::text, 'success'::audit_outcome, null::text, null::jsonb, '["x"]'::text`;
    await db().execute(sql`select audit_append(${fields})`);

    expect(await asApplication((tx) => tx.execute(sql`select count(*) from audit_events`))).toEqual({ ok: true });
    expect(await asApplication((tx) => tx.execute(sql`select audit_append(${fields})`))).toEqual({ ok: true });
    // The commit-time path: a row in audit_pending, chained by the owner's deferred trigger.
    expect(await asApplication((tx) => tx.execute(sql`insert into audit_pending (at, action, outcome, fields_json) values (now(), 'test.roles', 'success', '["x"]')`))).toEqual({ ok: true });
    // Other tables stay writable for the application.
    expect(await asApplication((tx) => tx.execute(sql`update clinics set name = name where id = ${clinic.id}`))).toEqual({ ok: true });

    const insufficientPrivilege = { ok: false, code: '42501' };
    expect(await asApplication((tx) => tx.execute(sql`update audit_events set outcome = 'denied' where action = 'test.roles'`))).toEqual(insufficientPrivilege);
    expect(await asApplication((tx) => tx.execute(sql`delete from audit_events where action = 'test.roles'`))).toEqual(insufficientPrivilege);
    expect(await asApplication((tx) => tx.execute(sql`truncate audit_events`))).toEqual(insufficientPrivilege);
    expect(await asApplication((tx) => tx.execute(sql`insert into audit_events (at, action, outcome, hash) values (now(), 'forged', 'success', 'x')`))).toEqual(insufficientPrivilege);
    expect(await asApplication((tx) => tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`))).toEqual(insufficientPrivilege);
    expect(await asApplication((tx) => tx.execute(sql`delete from audit_pending`))).toEqual(insufficientPrivilege);
  });

  it('lets the application role use the job queue the owner installed, without creating anything in it', async () => {
    expect(await asApplication((tx) => tx.execute(sql`insert into pgboss.job (name, data) values ('time-based-alerts', '{}'::jsonb)`))).toEqual({ ok: true });
    expect(await asApplication((tx) => tx.execute(sql`update pgboss.job set state = 'active' where name = 'time-based-alerts'`))).toEqual({ ok: true });
    // The runner's own createQueue at start: the queue is there, so nothing is created.
    expect(await asApplication((tx) => tx.execute(sql`select pgboss.create_queue('time-based-alerts', '{"policy": "standard"}'::json)`))).toEqual({ ok: true });
    expect(await asApplication((tx) => tx.execute(sql`create table pgboss.forged (id int)`))).toEqual({ ok: false, code: '42501' });
  });

  it('takes the owner from MIGRATION_DATABASE_URL or DATABASE_OWNER_URL and keeps single-URL setups as one role', () => {
    expect(migrationUrl({})).toBeUndefined();
    expect(migrationUrl({ DATABASE_URL: 'postgres://app@db/uplift' })).toBe('postgres://app@db/uplift');
    expect(applicationRole({ DATABASE_URL: 'postgres://app@db/uplift' })).toBeNull();
    expect(applicationRole({ DATABASE_URL: 'postgres://app@db/uplift', MIGRATION_DATABASE_URL: 'postgres://owner@db/uplift' })).toBe('app');
    expect(applicationRole({ DATABASE_URL: 'postgres://app@db/uplift', DATABASE_OWNER_URL: 'postgres://owner@db/uplift' })).toBe('app');
    expect(applicationRole({ DATABASE_URL: 'postgres://same:a@db/uplift', MIGRATION_DATABASE_URL: 'postgres://same:b@db/uplift' })).toBeNull();
  });
});
