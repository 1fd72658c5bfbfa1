import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A person's zone is decided in one place (lib/time/zone.ts, personTimeZone, and its SQL form in
 * zone-sql.ts) and a day's length in milliseconds is written once (lib/time/days.ts). These checks keep
 * fallbacks and copies from creeping back in.
 */
const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

const files = ['app', 'components', 'lib', 'db', 'scripts', 'e2e']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .filter((path) => path !== __filename)
  .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

const offending = (pattern: RegExp, allowed: string[] = []) =>
  files.filter(({ path, text }) => !allowed.includes(path) && pattern.test(text)).map(({ path }) => path);

describe('one definition of time', () => {
  it('no code falls back to a hard-coded zone when a person or clinic has one', () => {
    expect(offending(/(\?\?|\|\|)\s*['"][A-Z][a-z]+\/[A-Za-z_]+['"]/)).toEqual([]);
  });

  it('only zone-sql.ts states the zone rule in SQL', () => {
    expect(offending(/coalesce\([^)]*time_zone/i, ['lib/time/zone-sql.ts'])).toEqual([]);
  });

  it('milliseconds per day are written once', () => {
    expect(offending(/86_?400_?000|24\s*\*\s*60\s*\*\s*60\s*\*\s*1000|24\s*\*\s*3_?600_?000|864e5/, ['lib/time/days.ts'])).toEqual([]);
  });
});
