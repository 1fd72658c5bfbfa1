/**
 * Half-up rounding to one decimal, as clinicians and PostgreSQL `round(numeric, 1)` do it: halves go away
 * from zero. Rounds the decimal a number stands for, not its binary approximation: 35.55 is stored as
 * 35.549999…, and a sum such as 1.15 + 1.2 gives 2.3499999…, which `Math.round(x * 10) / 10` rounds down.
 */
export function roundHalfUp1(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError('Only finite numbers can be rounded.');
  // Beyond 1e21 toFixed switches to exponent form; such doubles are whole numbers anyway.
  if (Math.abs(x) >= 1e21) return x;
  // Twelve decimals keep every digit a clinical score carries and drop floating-point noise below them.
  const [whole = '0', fraction = ''] = Math.abs(x).toFixed(12).split('.');
  const firstDecimal = Number(fraction[0] ?? '0');
  const secondDecimal = Number(fraction[1] ?? '0');
  const tenths = Number(whole) * 10 + firstDecimal + (secondDecimal >= 5 ? 1 : 0);
  const rounded = tenths / 10;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** numerator / denominator in tenths, half up, in integer arithmetic (whole numerator ≥ 0, denominator > 0). */
export function ratioToTenthsHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError('Expected a whole non-negative numerator and a whole positive denominator.');
  }
  return Math.floor((20 * numerator + denominator) / (2 * denominator));
}

/** Tenths as text with exactly one decimal ("356" tenths → "35.6"), without going through a float. */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  return `${sign}${Math.floor(magnitude / 10)}.${magnitude % 10}`;
}
