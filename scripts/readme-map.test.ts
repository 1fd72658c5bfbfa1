import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The README's folder map ("How it is built") against the repository: every folder it names exists,
 * every top-level folder is named, and where the map names sub-folders of a folder (lib/auth/ …), it
 * names all of them, so a newcomer's map never leaves a folder out.
 */
function mapEntries(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## How it is built'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  return block
    .split('\n')
    .filter((line) => /^\S/.test(line))
    .map((line) => line.split(/\s+/)[0]!);
}

function trackedFolders(): Set<string> {
  const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(`${parts.slice(0, depth).join('/')}/`);
  }
  return folders;
}

describe('the README folder map', () => {
  const entries = mapEntries(readFileSync('README.md', 'utf8'));
  const folders = trackedFolders();

  it('names only folders that exist', () => {
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.filter((entry) => !folders.has(entry))).toEqual([]);
  });

  it('names every top-level folder, and every sub-folder of a folder it breaks down', () => {
    const expanded = new Set(entries.filter((entry) => entry.split('/').length > 2).map((entry) => `${entry.split('/')[0]}/`));
    const required = [...folders].filter((folder) => {
      if (folder.startsWith('.')) return false;
      const depth = folder.split('/').length - 1;
      return depth === 1 ? !expanded.has(folder) : depth === 2 && expanded.has(`${folder.split('/')[0]}/`);
    });
    expect(required.filter((folder) => !entries.includes(folder))).toEqual([]);
  });
});
