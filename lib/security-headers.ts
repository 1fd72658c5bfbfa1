/**
 * Response headers applied by proxy.ts to every page, route handler and server action response.
 * Pure so the policy can be unit-tested.
 */

/**
 * Scripts: only Next's own, carrying this request's nonce ('strict-dynamic' lets them load their
 * chunks). Styles keep 'unsafe-inline': React and Recharts set `style` attributes, which a nonce
 * cannot cover; inline styles cannot run code, and every other source is 'self'.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join('; ');
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * HSTS only in production and only over HTTPS (directly or as reported by the TLS-terminating
 * proxy in X-Forwarded-Proto): sending it over plain HTTP on a laptop would pin localhost to HTTPS.
 */
export function wantsHsts(production: boolean, protocol: string, forwardedProto: string | null): boolean {
  if (!production) return false;
  return protocol === 'https:' || forwardedProto?.split(',')[0]?.trim() === 'https';
}

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';
/** Nothing that depends on the user may sit in a shared cache (CDN, proxy) or the back-forward cache. */
export const NO_STORE = 'private, no-store';
