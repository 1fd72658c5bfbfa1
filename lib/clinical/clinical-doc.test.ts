import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'CLINICAL.md'), 'utf8');
const headings = [...doc.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]!.trim());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(name) ? [path] : [];
  });
}

const files = ['app', 'components', 'lib', 'db', 'scripts', 'e2e']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .filter((path) => path !== __filename);
const source = files.map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('docs/CLINICAL.md', () => {
  it('is the only clinical rules file the code cites', () => {
    const outside = source.filter(({ text }) => /(?<!docs\/)CLINICAL\.md/.test(text)).map(({ path }) => path);
    expect(outside).toEqual([]);
  });

  it('has every section the code cites by name', () => {
    const cited = source.flatMap(({ path, text }) =>
      [...text.matchAll(/docs\/CLINICAL\.md, "?([A-Z][A-Za-z -]+)/g)].map((match) => ({ path, section: match[1]!.trim() })),
    );
    expect(cited.length).toBeGreaterThan(10);
    const missing = cited.filter(({ section }) => !headings.some((heading) => heading.startsWith(section)));
    expect(missing).toEqual([]);
  });
});
