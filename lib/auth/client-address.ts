/**
 * The client's address for audit and throttling: the last entry of X-Forwarded-For, else
 * X-Real-IP. The last entry is the one written by the nearest proxy (nginx's
 * `$proxy_add_x_forwarded_for` appends; Next.js fills the header from the socket when it is
 * absent); entries further left come from the client and can be forged. Production must run behind
 * a reverse proxy that sets the header (docs/SECURITY.md); exposed directly, a client can choose
 * its own address, and only the per-account throttle still holds.
 */
export function clientAddressFrom(headers: Headers | undefined): string | null {
  if (!headers) return null;
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const address = forwarded || headers.get('x-real-ip')?.trim() || null;
  return address ? address.slice(0, 64) : null;
}
