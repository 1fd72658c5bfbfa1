/**
 * The lowest versions of security-critical packages that carry the fixes docs/SECURITY.md relies on.
 * `npm run audit:deps` checks the installed versions against this list on every run, so the check
 * still means something where the registry's advisory service cannot be reached (it answers 405 on
 * some mirrors). Raise a floor when an advisory lands; never lower one.
 */
export type Floor = { name: string; minimum: string; why: string };

export const ADVISORY_FLOORS: readonly Floor[] = [
  { name: 'next', minimum: '16.3.3', why: 'proxy/middleware bypass advisories (CVE-2025-29927 and the 2026 follow-ups)' },
  { name: 'next-auth', minimum: '5.0.0-beta.32', why: 'configuration errors could let session checks pass open' },
  { name: 'react', minimum: '19.2.1', why: 'React Server Components remote code execution (CVE-2025-55182)' },
  { name: 'react-dom', minimum: '19.2.1', why: 'kept in step with react' },
];

type Parsed = { core: number[]; pre: (string | number)[] };

function parse(version: string): Parsed | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (!match) return null;
  const pre = match[4] ? match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

/** Semantic-version order (2.0.0 §11): negative when a < b. A version that does not parse sorts lowest. */
export function compareVersions(a: string, b: string): number {
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return left ? 1 : right ? -1 : 0;
  for (let i = 0; i < 3; i += 1) if (left.core[i] !== right.core[i]) return left.core[i]! - right.core[i]!;
  if (!left.pre.length || !right.pre.length) return right.pre.length - left.pre.length;
  for (let i = 0; i < Math.max(left.pre.length, right.pre.length); i += 1) {
    const x = left.pre[i];
    const y = right.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The floors the installed versions fall below (a missing package is not a finding). */
export function belowFloor(installed: Record<string, string | undefined>, floors: readonly Floor[] = ADVISORY_FLOORS) {
  return floors.flatMap((floor) => {
    const version = installed[floor.name];
    return version !== undefined && compareVersions(version, floor.minimum) < 0 ? [{ ...floor, installed: version }] : [];
  });
}
