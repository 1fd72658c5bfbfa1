/**
 * `npm run bench:profile -- DIR`: summarises the V8 CPU profiles the server wrote under
 * `npm run bench -- --profile DIR`: where the server's CPU time went, by package or app folder and
 * by function (self time), so a slow route can be traced to the code that costs it.
 * `--top N` sets the number of functions listed (25).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

type Frame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, match: { type: 'string' } },
});
// With --match: inclusive time (the function and everything it called) of the functions whose name or file matches.
const match = values.match ? new RegExp(values.match, 'i') : null;
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run bench:profile -- DIR [--top N]');
  process.exit(1);
}

/** node_modules/<package> or the app folder a script belongs to; `(idle)` and the like stay as they are. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = clean.slice(modules + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (name === 'next') return `next/${rest.slice(1, 4).join('/')}`;
    return name;
  }
  if (clean.includes('/.next/server/chunks/')) return '.next/server/chunks (app + bundled packages)';
  if (clean.includes('/.next/')) return '.next/' + clean.split('/.next/')[1]!.split('/').slice(0, 2).join('/');
  if (clean.startsWith('node:')) return 'node internals';
  return path.relative(process.cwd(), clean) || clean;
}

const inclusiveByFunction = new Map<string, number>();
const selfByFunction = new Map<string, number>();
const selfByOwner = new Map<string, number>();
let total = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}  ${ownerOf(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
  };
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const owner = ownerOf(node.callFrame.url, node.callFrame.functionName);
    const key = keyOf(node);
    if (match) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
        const frame = byId.get(at)!;
        const frameKey = keyOf(frame);
        if (seen.has(frameKey) || !match.test(frameKey)) continue;
        seen.add(frameKey);
        inclusiveByFunction.set(frameKey, (inclusiveByFunction.get(frameKey) ?? 0) + micros);
      }
    }
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + micros);
    selfByOwner.set(owner, (selfByOwner.get(owner) ?? 0) + micros);
    total += micros;
  });
}

const busy = total - (selfByOwner.get('(idle)') ?? 0) - (selfByOwner.get('(program)') ?? 0);
const line = (label: string, micros: number, of: number) => `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / of).toFixed(1).padStart(5)} %  ${label}`;
console.log(`profiled ${(total / 1e6).toFixed(1)} s, of which JavaScript and GC ${(busy / 1e6).toFixed(1)} s\n`);
console.log('self time by package or folder (share of busy time):');
for (const [owner, micros] of [...selfByOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(line(owner, micros, busy));
console.log(`\ntop ${values.top} functions by self time:`);
for (const [key, micros] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(line(key, micros, busy));
if (match) {
  console.log(`\nfunctions matching ${match} by inclusive time:`);
  for (const [key, micros] of [...inclusiveByFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(line(key, micros, busy));
}
