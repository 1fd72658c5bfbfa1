/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Addresses can carry record ids: never send them to another site.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // For browsers without CSP frame-ancestors; proxy.ts sets the CSP itself.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg-boss', 'pg'],
  // Type-checking and lint run as their own steps of `npm test`.
  typescript: { ignoreBuildErrors: true },
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
