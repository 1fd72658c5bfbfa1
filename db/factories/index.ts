/**
 * Test data builders, in one place: each inserts rows straight into the database (no access checks, no
 * audit) and returns what it made. Builders that insert a record a DAL function also writes are named
 * insert…Row, so a test never confuses the fixture with the code under test (`insertPainEntryRow` is
 * the fixture, `createPainEntry` in lib/dal/pain.ts the patient's write). The database itself comes
 * from db/testing.ts.
 */
export * from './people';
export * from './plans';
export * from './records';
