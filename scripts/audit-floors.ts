/**
 * The lowest acceptable version of every production dependency (and of the security-relevant
 * packages they bring in: @auth/core under next-auth, sharp under next). `npm run deps:check-advisories`
 * checks the installed versions against this list on every run, so the check still means something
 * where the registry's advisory service cannot be reached (it answers 405 on some mirrors). Where
 * an advisory is known the floor is its first fixed version; otherwise it is the version last
 * reviewed, so an accidental downgrade fails too. Raise a floor when an advisory lands; never lower
 * one. A test fails when a production dependency in package.json has no floor here.
 */
export type Floor = { name: string; minimum: string; why: string };

export const ADVISORY_FLOORS: readonly Floor[] = [
  { name: 'next', minimum: '16.3.3', why: 'proxy/middleware bypass advisories (CVE-2025-29927 and the 2026 follow-ups)' },
  { name: 'next-auth', minimum: '5.0.0-beta.32', why: 'configuration errors could let session checks pass open' },
  { name: 'react', minimum: '19.2.1', why: 'React Server Components remote code execution (CVE-2025-55182)' },
  { name: 'react-dom', minimum: '19.2.1', why: 'kept in step with react' },
  { name: '@auth/core', minimum: '0.41.1', why: 'Auth.js core under next-auth: email misdelivery advisory (GHSA-5jpx-9hw9-2fx4)' },
  { name: 'drizzle-orm', minimum: '0.45.2', why: 'SQL injection through unescaped identifiers (CVE-2026-39356, GHSA-gpj5-g38j-94v9)' },
  { name: 'sharp', minimum: '0.35.0', why: 'libvips vulnerabilities inherited by sharp (GHSA-f88m-g3jw-g9cj); image optimisation under next' },
  { name: 'jose', minimum: '6.2.18', why: 'JWE decompression denial of service (CVE-2024-28176) fixed long before; floor is the reviewed version' },
  { name: 'zod', minimum: '4.6.7', why: 'email regular-expression denial of service (CVE-2023-4316) fixed in 3.22.3; floor is the reviewed version' },
  { name: 'postgres', minimum: '3.4.9', why: 'no advisory known; the reviewed version' },
  { name: '@node-rs/argon2', minimum: '2.2.1', why: 'no advisory known; the reviewed version' },
  { name: '@electric-sql/pglite', minimum: '0.5.17', why: 'no advisory known; the reviewed version' },
  { name: 'recharts', minimum: '3.11.1', why: 'no advisory known; the reviewed version' },
  { name: 'server-only', minimum: '0.0.1', why: 'no code of its own (a build-time marker)' },
  { name: 'qrcode', minimum: '1.5.4', why: 'no advisory known; the reviewed version (MFA setup QR codes, rendered on the server)' },
  { name: 'nodemailer', minimum: '7.0.7', why: 'mail sent to an unintended domain through a crafted address (GHSA-mm7p-fcc7-pg87)' },
  { name: 'pino', minimum: '9.0.0', why: 'no advisory known' },
  { name: 'csv-parse', minimum: '7.0.3', why: 'no advisory known; the reviewed version (patient import)' },
  { name: 'csv-stringify', minimum: '6.9.0', why: 'no advisory known; the reviewed version (CSV exports)' },
  { name: 'pg-boss', minimum: '10.4.2', why: 'no advisory known; the reviewed version (the job queue)' },
  { name: 'fflate', minimum: '0.8.3', why: 'no advisory known; the reviewed version (zip exports)' },
  { name: 'web-push', minimum: '3.6.7', why: 'no advisory known; the reviewed version (Web Push with VAPID and payload encryption)' },
  { name: 'ics', minimum: '3.12.0', why: 'no advisory known; the reviewed version (calendar files and the calendar feed)' },
  { name: 'pg', minimum: '8.11.0', why: 'node-postgres under pg-boss: remote code execution through crafted column names (CVE-2017-16082) fixed long before; floor is the reviewed line' },
];

/** Packages that are not direct dependencies but must have a floor all the same. */
export const TRANSITIVE_WITH_FLOORS = ['@auth/core', 'sharp'] as const;

/** Direct production dependencies in `dependencies` that have no floor. */
export function missingFloors(dependencies: Record<string, string>, floors: readonly Floor[] = ADVISORY_FLOORS): string[] {
  const named = new Set(floors.map((floor) => floor.name));
  return [...Object.keys(dependencies), ...TRANSITIVE_WITH_FLOORS].filter((name) => !named.has(name));
}

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
