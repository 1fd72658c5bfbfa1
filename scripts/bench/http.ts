/**
 * Signing in the way a browser does (Auth.js credentials: csrf token, then the callback), and
 * probing a route before it is measured.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** name=value pairs from Set-Cookie; when a name repeats the last one wins, as in a browser. */
function cookiePairs(response: Response): string[] {
  const jar = new Map<string, string>();
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(';')[0]!;
    jar.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return [...jar.values()];
}

/** Returns the Cookie header of a signed-in session for `email`. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/` }),
  });
  const session = cookiePairs(response).find((pair) => /session-token=/.test(pair) && !/session-token=;?$/.test(pair));
  if (!session) throw new Error(`sign-in as ${email} failed (status ${response.status}, ${response.headers.get('location') ?? 'no redirect'})`);
  return [...jar, session].join('; ');
}

export type Probe =
  | { state: 'ok'; path: string; bytes: number; html: string }
  | { state: 'missing'; tried: string[] }
  | { state: 'error'; message: string };

/** The first candidate path that answers, or why none does. 404 (or the wrong content type) means "not built yet". */
export async function probe(origin: string, paths: string[], cookie: string | null, contentType?: RegExp): Promise<Probe> {
  for (const candidate of paths) {
    const response = await fetch(`${origin}${candidate}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const body = await response.text();
    if (response.status === 404) continue;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? '';
      if (/\/login/.test(location)) return { state: 'error', message: `${candidate} sent the signed-in user to sign in` };
      continue;
    }
    if (response.status !== 200) return { state: 'error', message: `${candidate} answered ${response.status}` };
    if (contentType && !contentType.test(response.headers.get('content-type') ?? '')) continue;
    return { state: 'ok', path: candidate, bytes: Buffer.byteLength(body), html: body };
  }
  return { state: 'missing', tried: paths };
}

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };

/** A server action's id and the page that uses it, found by exported name in the build's manifest. */
export async function findAction(exportedName: RegExp): Promise<{ id: string; page: string; name: string } | null> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = entry.exportedName ?? '';
    if (!exportedName.test(name)) continue;
    const worker = Object.keys(entry.workers).find((key) => key.startsWith('app/') && key.endsWith('/page'));
    if (!worker) continue;
    // app/(group)/patient/pain/page → /patient/pain
    const page = `/${worker.replace(/^app\//, '').replace(/\/page$/, '').split('/').filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;
    return { id, page: page === '/page' ? '/' : page, name };
  }
  return null;
}

/**
 * The request body React sends for `action(initialState, formData)`, encoded by React's own
 * encodeReply (the copy Next bundles), as multipart bytes with "{uuid}" left in place.
 */
export async function encodeActionBody(initialState: unknown, fields: Record<string, string>): Promise<{ body: string; contentType: string }> {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
    encodeReply: (value: unknown) => Promise<string | FormData>;
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([initialState, form]);
  const request = new Request('http://localhost/', { method: 'POST', body: encoded as FormData });
  return { body: await request.text(), contentType: request.headers.get('content-type')! };
}
