/**
 * Database errors without the data. drizzle wraps every failed query in an error whose message is
 * the SQL followed by every bound value ("params: …"), and PostgreSQL's own message and detail can
 * quote a value too ("Key (email)=(…) already exists"). Both would put health data in a log the
 * moment anything prints the error. `installDatabaseErrorRedaction` makes every query failure a
 * `DatabaseError` instead: the SQLSTATE, the query's name (its verb and table), the constraint and
 * the table, and nothing that came from a person. No `server-only` marker: scripts use it too.
 */
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

type DriverError = { code?: unknown; constraint_name?: unknown; constraint?: unknown; table_name?: unknown; table?: unknown; severity?: unknown };

export class DatabaseError extends Error {
  /** SQLSTATE (e.g. 23505), or the driver's code for a connection failure (e.g. ECONNREFUSED). */
  readonly code: string | undefined;
  /** The failing query's name, e.g. "insert into pain_entries". */
  readonly query: string;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  /** The same facts where callers look for the driver's error (`error.cause.code`). */
  readonly cause: { code: string | undefined; constraint: string | undefined };

  constructor(query: string, driverError: unknown) {
    const facts = (typeof driverError === 'object' && driverError !== null ? driverError : {}) as DriverError;
    const text = (value: unknown) => (typeof value === 'string' && /^[\w.$-]{1,128}$/.test(value) ? value : undefined);
    const code = text(facts.code);
    const name = queryName(query);
    super(`database error ${code ?? 'unknown'} in ${name}`);
    this.name = 'DatabaseError';
    this.code = code;
    this.query = name;
    this.constraint = text(facts.constraint_name) ?? text(facts.constraint);
    this.table = text(facts.table_name) ?? text(facts.table);
    this.cause = { code, constraint: this.constraint };
  }
}

/**
 * A name for a SQL statement from its text alone (values are always bound parameters, never in the
 * text): the verb and the first table or function, e.g. "select users", "insert into clinical_notes",
 * "select audit_append".
 */
export function queryName(sqlText: string): string {
  const text = sqlText.replace(/\s+/g, ' ').trim();
  const verb = /^(with|select|insert into|update|delete from|begin|commit|rollback|savepoint|set|lock table|notify)\b/i.exec(text)?.[1]?.toLowerCase() ?? 'statement';
  const identifier = '"?([A-Za-z_][\\w$]*)"?';
  let target: RegExpExecArray | null = null;
  if (verb === 'insert into') target = new RegExp(`^insert into ${identifier}`, 'i').exec(text);
  else if (verb === 'update') target = new RegExp(`^update ${identifier}`, 'i').exec(text);
  else if (verb === 'delete from') target = new RegExp(`^delete from ${identifier}`, 'i').exec(text);
  else if (verb === 'select' || verb === 'with') {
    target = new RegExp(`\\bfrom ${identifier}`, 'i').exec(text) ?? new RegExp(`^select ${identifier}\\(`, 'i').exec(text);
  }
  return target?.[1] ? `${verb} ${target[1]}` : verb;
}

const INSTALLED = Symbol.for('uplift.databaseErrorRedaction');

/** Wraps drizzle's one query path for both drivers (postgres.js and PGlite). Safe to call twice. */
export function installDatabaseErrorRedaction(): void {
  const prototype = PgPreparedQuery.prototype as unknown as Record<string | symbol, unknown> & {
    queryWithCache: (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
  };
  if (prototype[INSTALLED]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      const driverError = (error as { cause?: unknown }).cause ?? error;
      throw new DatabaseError(queryString, driverError);
    }
  };
  prototype[INSTALLED] = true;
}

/** SQLSTATE exclusion_violation: a row overlaps another where an EXCLUDE constraint forbids it. */
export const EXCLUSION_VIOLATION = '23P01';

/** What each exclusion constraint protects, in words a person can act on (docs/APPOINTMENTS.md). */
const OVERLAP_REFUSALS: Record<string, { who: 'clinician' | 'patient'; message: string }> = {
  appointments_clinician_no_overlap: { who: 'clinician', message: 'That time has just been taken: the clinician already has a visit then.' },
  appointments_patient_no_overlap: { who: 'patient', message: 'The patient already has a visit at that time.' },
};

/**
 * An overlap the database refused (SQLSTATE 23P01), as a refusal to show: whose time was already taken and
 * what to say. Null for any other error, which the caller rethrows.
 */
export function overlapRefusal(error: unknown): { who: 'clinician' | 'patient'; message: string } | null {
  for (let current: unknown = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const facts = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (facts.code !== EXCLUSION_VIOLATION) continue;
    const constraint = typeof facts.constraint === 'string' ? facts.constraint : typeof facts.constraint_name === 'string' ? facts.constraint_name : '';
    return OVERLAP_REFUSALS[constraint] ?? { who: 'clinician', message: 'That time overlaps another visit.' };
  }
  return null;
}
