/**
 * Test helper: a local push service (an HTTPS server with a throwaway certificate that this process
 * trusts) and a browser-side subscription whose keys the test holds, so a test can decrypt what Uplift
 * sent exactly as the browser would (aes128gcm, RFC 8291, with the http_ece package).
 */
import { execFileSync } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ece from 'http_ece';

export type ReceivedPush = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

export type TestPushService = {
  origin: string;
  received: ReceivedPush[];
  /** The status the next requests get (201 unless a test says otherwise). */
  respondWith: (status: number) => void;
  /** A subscription to an endpoint on this service, with the private keys to decrypt what reaches it. */
  subscribe: (name: string) => TestSubscription;
  close: () => Promise<void>;
};

export type TestSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  decrypt: (body: Buffer) => string;
};

export async function startTestPushService(): Promise<TestPushService> {
  const dir = mkdtempSync(path.join(tmpdir(), 'uplift-push-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  const key = readFileSync(path.join(dir, 'key.pem'));
  const cert = readFileSync(path.join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true, force: true });
  // web-push uses the default agent: trusting the throwaway certificate there is enough, and TLS stays verified.
  const previousCa = https.globalAgent.options.ca;
  https.globalAgent.options.ca = cert;

  const received: ReceivedPush[] = [];
  let status = 201;
  const server = https.createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    respondWith: (next) => {
      status = next;
    },
    subscribe: (name) => {
      const browserKey = createECDH('prime256v1');
      browserKey.generateKeys();
      const auth = randomBytes(16);
      return {
        endpoint: `${origin}/push/${name}`,
        keys: { p256dh: browserKey.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
        decrypt: (body) => ece.decrypt(body, { version: 'aes128gcm', privateKey: browserKey, authSecret: auth }).toString('utf8'),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        https.globalAgent.options.ca = previousCa;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
