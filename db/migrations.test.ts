import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './connection';

type Journal = { entries: { idx: number; when: number; tag: string }[] };

describe('the migration journal', () => {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;

  it('lists every migration once, in order, with its SQL file', () => {
    expect(journal.entries.map((entry) => entry.idx)).toEqual(journal.entries.map((_, index) => index));
    for (const entry of journal.entries) expect(existsSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`)), entry.tag).toBe(true);
  });

  // drizzle's migrator applies a migration only when its `when` is later than the newest one already
  // applied; 0004 and 0005 carry timestamps a little in the future, so a migration generated before
  // then must have its `when` raised by hand, or databases that ran 0005 would silently skip it.
  it('has strictly increasing timestamps, so the migrator never skips one', () => {
    for (const [index, entry] of journal.entries.entries()) {
      if (index === 0) continue;
      const previous = journal.entries[index - 1]!;
      expect(entry.when, `${entry.tag}: set "when" above ${previous.tag}'s ${previous.when}`).toBeGreaterThan(previous.when);
    }
  });
});
