/** The client's address for audit and throttling: first hop of X-Forwarded-For, else X-Real-IP. */
export function clientAddressFrom(headers: Headers | undefined): string | null {
  if (!headers) return null;
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || headers.get('x-real-ip')?.trim() || null;
  return address ? address.slice(0, 64) : null;
}
