import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * "Every action uses the one wrapper" (docs/ARCHITECTURE.md, Server actions), checked over the files:
 * a module that starts with 'use server' exports only types and `const <name>Action = formAction({…})`,
 * and none of them sits in components/.
 */
const files = execFileSync('git', ['ls-files', 'app', 'components', 'lib'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));

const serverModules = files.filter((file) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(readFileSync(file, 'utf8')));

function exportsOf(source: string): { name: string; wrapped: boolean }[] {
  const found: { name: string; wrapped: boolean }[] = [];
  for (const match of source.matchAll(/^export\s+(?!type\b|interface\b)(?:async\s+)?(function|const|let|var|class|default|\{)\s*(\w*)([^\n]*)/gm)) {
    const [, kind, name, rest] = match;
    found.push({ name: name || kind!, wrapped: kind === 'const' && /^\s*=\s*formAction\(/.test(rest!) });
  }
  return found;
}

describe('server actions', () => {
  it('are found (the check is not vacuous)', () => {
    expect(serverModules.length).toBeGreaterThan(20);
  });

  it('never live in components/', () => {
    expect(serverModules.filter((file) => file.startsWith('components/'))).toEqual([]);
  });

  it('are each built with formAction from lib/forms/action', () => {
    const handWritten = serverModules
      .flatMap((file) => exportsOf(readFileSync(file, 'utf8')).filter((entry) => !entry.wrapped).map((entry) => `${file}: ${entry.name}`));
    expect(handWritten).toEqual([]);
    const notImporting = serverModules.filter((file) => !/import \{[^}]*\bformAction\b[^}]*\} from '@\/lib\/forms\/action';/.test(readFileSync(file, 'utf8')));
    expect(notImporting).toEqual([]);
  });

  it('are never written inline in a page or component (a function with its own directive)', () => {
    const inline = files.filter((file) => !serverModules.includes(file) && /['"]use server['"]/.test(readFileSync(file, 'utf8')));
    expect(inline).toEqual([]);
  });
});

describe('components/', () => {
  it('never imports from app/', () => {
    const offenders = files
      .filter((file) => file.startsWith('components/'))
      .filter((file) => /from\s+['"]@\/app\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
