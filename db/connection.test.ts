import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { preparedByDefault } from './connection';

type Call = { method: string; args: unknown[] };

/** A stand-in for a postgres.js client that records what the wrapper passes on. */
function recorder(calls: Call[], depth = 0): postgres.Sql {
  const client = {
    options: { depth },
    unsafe: (...args: unknown[]) => calls.push({ method: `unsafe@${depth}`, args }),
    begin: (...args: unknown[]) => {
      calls.push({ method: `begin@${depth}`, args: args.slice(0, -1) });
      return (args.at(-1) as (tx: postgres.Sql) => unknown)(recorder(calls, depth + 1));
    },
    savepoint: (...args: unknown[]) => {
      calls.push({ method: `savepoint@${depth}`, args: args.slice(0, -1) });
      return (args.at(-1) as (tx: postgres.Sql) => unknown)(recorder(calls, depth + 1));
    },
  };
  return client as unknown as postgres.Sql;
}

describe('preparedByDefault', () => {
  it('asks postgres.js for a named statement on every query, keeping the other options', () => {
    const calls: Call[] = [];
    const client = preparedByDefault(recorder(calls));
    void client.unsafe('select $1', [1], { prepare: false });
    void client.unsafe('select 2');
    expect(calls).toEqual([
      { method: 'unsafe@0', args: ['select $1', [1], { prepare: true }] },
      { method: 'unsafe@0', args: ['select 2', undefined, { prepare: true }] },
    ]);
    expect((client.options as unknown as { depth: number }).depth).toBe(0);
  });

  it('does the same inside transactions and savepoints, passing their options through', async () => {
    const calls: Call[] = [];
    const client = preparedByDefault(recorder(calls));
    await client.begin('isolation level serializable', async (tx) => {
      void tx.unsafe('select 1');
      await tx.savepoint(async (inner) => void inner.unsafe('select 2', [], { simple: false } as postgres.UnsafeQueryOptions));
    });
    expect(calls).toEqual([
      { method: 'begin@0', args: ['isolation level serializable'] },
      { method: 'unsafe@1', args: ['select 1', undefined, { prepare: true }] },
      { method: 'savepoint@1', args: [] },
      { method: 'unsafe@2', args: ['select 2', [], { simple: false, prepare: true }] },
    ]);
  });
});
